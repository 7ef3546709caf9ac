import type { FastifyRequest } from 'fastify';
import { ProblemError, validationProblem } from '../../core/http/problem.js';

export interface Upload {
  file: Buffer;
  fileName: string;
  fields: Record<string, string>;
}

const tooLarge = (maxBytes: number) =>
  new ProblemError(
    'payload-too-large',
    {
      fa: `پرونده بزرگ‌تر از حد مجاز (${Math.floor(maxBytes / 1_048_576)} مگابایت) است؛ آن را در چند پرونده بارگذاری کنید.`,
      en: `The file is larger than the limit (${Math.floor(maxBytes / 1_048_576)} MB); split it into several files.`,
    },
    [{ field: 'file', code: 'file_too_large', params: { max: maxBytes } }],
  );

/**
 * The multipart form of an import: the `file` part read into memory up to the configured limit
 * (413 beyond it), the other parts as text fields.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new ProblemError(
      'unsupported-media-type',
      { fa: 'پرونده را با multipart/form-data بفرستید.', en: 'Send the file as multipart/form-data.' },
      [{ field: 'file', code: 'multipart_required' }],
    );
  }
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  let fileName = '';
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') {
          file = bytes;
          fileName = part.filename ?? '';
        }
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    // Nothing but the request body is read here: whatever the parser trips on (a missing or
    // wrong boundary, a truncated part, a bad header) is the client's malformed form.
    throw validationProblem([{ field: 'file', code: 'file_unreadable' }]);
  }
  if (!file || file.length === 0) throw validationProblem([{ field: 'file', code: 'file_required' }]);
  return { file, fileName, fields };
}
