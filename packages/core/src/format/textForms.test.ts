import { describe, expect, it } from 'vitest';
import { defaultFormatter } from './defaultFormatter.js';
import { escapeMrkdwn } from './escapeMrkdwn.js';
import { textForms } from './textForms.js';

const ZWSP = '\u200B';
const HOSTILE =
  '<!channel> <@U012AB3CD> @everyone @here <script>alert(1)</script> [click](https://evil.example/) & \u202Egnp.exe\u2066x\u2069';

describe('textForms', () => {
  it('resolves emoji shortcodes and decodes mrkdwn entities once', () => {
    // Act
    const forms = textForms(':x: `api` failed: a &lt; b &amp; c');
    // Assess
    expect(forms.plain).toBe('❌ `api` failed: a < b & c');
    expect(forms.markdown).toBe('❌ `api` failed: a \\< b & c');
  });

  it('keeps unknown shortcodes and times as written', () => {
    // Act
    const { plain } = textForms('deployed at 12:30:45 by :ops:');
    // Assess
    expect(plain).toBe('deployed at 12:30:45 by :ops:');
  });

  it('never lets a hostile value become a mention, a tag, a link or reversed text', () => {
    // Prepare
    const mrkdwn = `:x: \`api\` failed: ${escapeMrkdwn(HOSTILE)}`;
    // Act
    const { plain, markdown } = textForms(mrkdwn);
    // Assess
    for (const form of [plain, markdown]) {
      expect(form).not.toMatch(/<[!@a-z/]/);
      expect(form).not.toMatch(/@(everyone|here)/);
      expect(form).not.toContain('](https://evil.example/)');
      expect(form).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(form).not.toMatch(/&(lt|gt|amp);/);
    }
    expect(plain).toBe(
      `❌ \`api\` failed: ‹!channel> ‹@${ZWSP}U012AB3CD> @${ZWSP}everyone @${ZWSP}here ‹script>alert(1)‹/script> [click]${ZWSP}(https://evil.example/) & gnp.exex`,
    );
  });

  it('turns the template’s own mrkdwn into Markdown: bold, links, mentions', () => {
    // Act
    const { markdown, plain } = textForms('*bold* _it_ ~gone~ <https://example.com/a|the runbook> <!here>');
    // Assess
    expect(markdown).toBe(`**bold** _it_ ~~gone~~ [the runbook](https://example.com/a) @${ZWSP}here`);
    expect(plain).toBe(`*bold* _it_ ~gone~ the runbook (https://example.com/a) @${ZWSP}here`);
  });

  it('drops a template link that is not http(s) to its text', () => {
    // Act
    const { markdown } = textForms('<javascript:alert(1)|open>');
    // Assess
    expect(markdown).toBe('open');
  });

  it('keeps the default texts readable in both forms', () => {
    // Act
    const forms = textForms(
      defaultFormatter.monitorDegraded({
        type: 'MonitorDegraded',
        id: 'x',
        cluster: 'prod',
        region: 'eu-west-1',
        observedAt: 0,
        failures: 3,
        reason: 'a_b*c',
      }),
    );
    // Assess
    expect(forms.plain).toBe('⚠️ Mona cannot read cluster `prod` (eu-west-1): 3 sweeps in a row failed: a_b*c');
    expect(forms.markdown).toBe('⚠️ Mona cannot read cluster `prod` (eu-west-1): 3 sweeps in a row failed: a\\_b\\*c');
  });
});
