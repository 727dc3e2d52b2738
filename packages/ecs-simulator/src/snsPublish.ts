import { AwsApiError } from './errors.js';

/** One SNS `Publish` call, as recorded by the simulator. */
export interface PublishedMessage {
  messageId: string;
  topicArn: string | undefined;
  targetArn: string | undefined;
  subject: string | undefined;
  message: string;
  messageAttributes: Record<string, { dataType: string; value: string }>;
  /** Simulator time of the call (epoch ms). */
  at: number;
}

/**
 * Reads an SNS query-protocol `Publish` request (form-encoded, `Action=Publish`), including the
 * `MessageAttributes.entry.N.*` list encoding the SDK uses.
 *
 * @example
 * parsePublish(new URLSearchParams('Action=Publish&TopicArn=arn:aws:sns:eu-west-1:123456789012:t&Message=hi'), 'id', 0).message; // 'hi'
 */
export function parsePublish(form: URLSearchParams, messageId: string, at: number): PublishedMessage {
  const action = form.get('Action');
  if (action !== 'Publish') throw new AwsApiError('InvalidAction', `The action ${action ?? '(none)'} is not valid for this endpoint.`);
  const message = form.get('Message');
  if (message === null) throw new AwsApiError('InvalidParameter', 'Invalid parameter: Message');
  const messageAttributes: PublishedMessage['messageAttributes'] = {};
  // The SDK numbers entries from 1 and a publish carries at most 10 attributes; bound the scan.
  for (let i = 1; i <= 50; i += 1) {
    const name = form.get(`MessageAttributes.entry.${i}.Name`);
    if (name === null) break;
    const prefix = `MessageAttributes.entry.${i}.Value`;
    messageAttributes[name] = {
      dataType: form.get(`${prefix}.DataType`) ?? 'String',
      value: form.get(`${prefix}.StringValue`) ?? form.get(`${prefix}.BinaryValue`) ?? '',
    };
  }
  return {
    messageId,
    topicArn: form.get('TopicArn') ?? undefined,
    targetArn: form.get('TargetArn') ?? undefined,
    subject: form.get('Subject') ?? undefined,
    message,
    messageAttributes,
    at,
  };
}

/**
 * The XML body SNS answers a successful Publish with.
 *
 * @example
 * publishResponseXml('0b7f…', 'req-1'); // '<PublishResponse …><PublishResult><MessageId>0b7f…</MessageId>…'
 */
export function publishResponseXml(messageId: string, requestId: string): string {
  return (
    '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">' +
    `<PublishResult><MessageId>${messageId}</MessageId></PublishResult>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    '</PublishResponse>'
  );
}

/**
 * The XML body of an SNS error (query protocol).
 *
 * @example
 * snsErrorXml(new AwsApiError('InvalidParameter', 'Invalid parameter: Message'), 'req-1');
 */
export function snsErrorXml(error: AwsApiError, requestId: string): string {
  const escaped = error.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return (
    '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">' +
    `<Error><Type>Sender</Type><Code>${error.type}</Code><Message>${escaped}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
