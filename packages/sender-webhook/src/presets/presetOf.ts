import type { PresetName } from '../options.js';
import type { Preset } from '../webhookRequest.js';
import { customPreset } from './customPreset.js';
import { discordPreset } from './discordPreset.js';
import { googleChatPreset } from './googleChatPreset.js';
import { mattermostPreset } from './mattermostPreset.js';
import { opsgeniePreset } from './opsgeniePreset.js';
import { pagerDutyPreset } from './pagerDutyPreset.js';
import { teamsPreset } from './teamsPreset.js';

const PRESET_BY_NAME: Record<PresetName, Preset> = {
  custom: customPreset,
  teams: teamsPreset,
  discord: discordPreset,
  googleChat: googleChatPreset,
  mattermost: mattermostPreset,
  pagerduty: pagerDutyPreset,
  opsgenie: opsgeniePreset,
};

/** The preset of a name (validated by the options schema); `custom` when none is given. */
export function presetOf(name: PresetName | undefined): Preset {
  return PRESET_BY_NAME[name ?? 'custom'];
}
