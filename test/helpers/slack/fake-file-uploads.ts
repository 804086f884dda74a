/** A file shared into a channel or thread through the fake, with its bytes. */
export interface SharedFile {
  id: string;
  title?: string;
  channel: string;
  thread_ts?: string;
  bytes: Buffer;
}

/**
 * Slack's file upload as @slack/web-api's files.uploadV2 performs it: files.getUploadURLExternal hands
 * out an upload URL, the bytes are POSTed there, files.completeUploadExternal shares the file. Both
 * methods came in 2024 (files.upload was retired in 2025), after the contract's 2021 snapshot.
 */
export class FakeFileUploads {
  readonly shared: SharedFile[] = [];
  private readonly pending = new Map<string, { filename: string; length: number; bytes?: Buffer }>();
  private seq = 0;

  static readonly METHODS = ['files.getUploadURLExternal', 'files.completeUploadExternal'];

  answer(method: string, p: Record<string, string>, baseUrl: string): Record<string, unknown> {
    if (method === 'files.getUploadURLExternal') {
      if (!p.filename || !(Number(p.length) > 0)) return { ok: false, error: 'invalid_arguments' };
      const id = `F0FAKE${String(++this.seq).padStart(4, '0')}`;
      this.pending.set(id, { filename: p.filename, length: Number(p.length) });
      return { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id };
    }
    const files = JSON.parse(p.files ?? '[]') as Array<{ id: string; title?: string }>;
    for (const f of files) {
      const upload = this.pending.get(f.id);
      if (!upload?.bytes) return { ok: false, error: 'file_not_found' };
      this.shared.push({
        id: f.id,
        title: f.title,
        channel: p.channel_id,
        ...(p.thread_ts ? { thread_ts: p.thread_ts } : {}),
        bytes: upload.bytes,
      });
    }
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
  }

  /**
   * The bytes POSTed to an upload URL (raw, or as the one part of a multipart form, which is how
   * @slack/web-api sends them); false when the URL was never handed out or the size is wrong.
   */
  receive(fileId: string, body: Buffer, contentType = ''): boolean {
    const bytes = multipartFile(body, contentType) ?? body;
    const upload = this.pending.get(fileId);
    if (!upload || upload.length !== bytes.length) return false;
    upload.bytes = bytes;
    return true;
  }
}

function multipartFile(body: Buffer, contentType: string): Buffer | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!contentType.startsWith('multipart/form-data') || !boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(delimiter);
  const headersEnd = body.indexOf('\r\n\r\n', start);
  const end = body.indexOf(delimiter, headersEnd);
  if (start < 0 || headersEnd < 0 || end < 0) return undefined;
  return body.subarray(headersEnd + 4, end - 2); // the part's content, without its closing CRLF
}
