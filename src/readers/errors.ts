// A file that cannot be read becomes one fatal message with a clear text, never a stack trace.
import type { Bilingual } from '../types.js';

export type FatalCode =
  | 'ole-doc'
  | 'ole-encrypted'
  | 'not-zip'
  | 'truncated-zip'
  | 'zip64'
  | 'zip-encrypted'
  | 'no-document'
  | 'empty'
  | 'invalid-utf8'
  | 'unreadable'
  | 'zip-bomb'
  | 'too-large'
  | 'bad-xml'
  | 'unsupported-type'
  | 'legacy-encoding'
  | 'too-deep'
  | 'time-limit'
  | 'internal';

const TEXTS: Record<FatalCode, Bilingual> = {
  'ole-doc': {
    vi: 'Tệp Word 97-2003 (.doc) không đọc được. Mở tệp trong Word và chọn Lưu thành (Save As) định dạng .docx, rồi kiểm tra lại.',
    en: 'This is a Word 97-2003 (.doc) file, which cannot be read. Open it in Word, Save As .docx, and lint it again.',
  },
  'ole-encrypted': {
    vi: 'Tệp .docx được đặt mật khẩu nên không đọc được. Gỡ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) rồi kiểm tra lại.',
    en: 'This .docx is password-protected and cannot be read. Remove the password (File > Info > Protect Document) and lint it again.',
  },
  'not-zip': {
    vi: 'Tệp không phải là tài liệu Word .docx hợp lệ (không phải tệp nén ZIP). Có thể tệp bị đổi đuôi hoặc tải về bị lỗi.',
    en: 'This is not a valid Word .docx document (not a ZIP archive). It may have been renamed or damaged when downloaded.',
  },
  'truncated-zip': {
    vi: 'Tệp .docx bị cắt cụt hoặc hỏng ({detail}). Hãy tải lại hoặc lưu lại tệp từ Word.',
    en: 'The .docx file is truncated or damaged ({detail}). Download it again or re-save it from Word.',
  },
  zip64: {
    vi: 'Tệp .docx dùng định dạng ZIP64 chưa được hỗ trợ. Hãy lưu lại tệp từ Word.',
    en: 'The .docx uses the ZIP64 format, which is not supported. Re-save it from Word.',
  },
  'zip-encrypted': {
    vi: 'Nội dung tệp .docx bị mã hóa nên không đọc được.',
    en: 'The content of the .docx is encrypted and cannot be read.',
  },
  'no-document': {
    vi: 'Tệp nén không chứa word/document.xml nên không phải tài liệu Word .docx.',
    en: 'The archive has no word/document.xml, so it is not a Word .docx document.',
  },
  empty: {
    vi: 'Tệp rỗng (0 byte).',
    en: 'The file is empty (0 bytes).',
  },
  'invalid-utf8': {
    vi: 'Tệp văn bản không phải UTF-8 hợp lệ (byte lỗi ở vị trí {offset}). Hãy lưu lại tệp với bảng mã UTF-8 (Unicode).',
    en: 'The text file is not valid UTF-8 (bad byte at offset {offset}). Save it again as UTF-8 (Unicode).',
  },
  unreadable: {
    vi: 'Không đọc được tệp: {detail}.',
    en: 'The file cannot be read: {detail}.',
  },
  'zip-bomb': {
    vi: 'Tệp .docx vượt giới hạn an toàn khi giải nén ({detail}); tệp có thể là "bom nén" nên đã dừng đọc.',
    en: 'The .docx exceeds a safety limit while decompressing ({detail}); it may be a zip bomb, so reading stopped.',
  },
  'too-large': {
    vi: 'Tệp quá lớn ({detail}); giới hạn là {limit}.',
    en: 'The file is too large ({detail}); the limit is {limit}.',
  },
  'bad-xml': {
    vi: 'Nội dung {part} trong tệp .docx bị hỏng (XML không hợp lệ: {detail}). Hãy mở và lưu lại tệp bằng Word.',
    en: 'Part {part} of the .docx is damaged (invalid XML: {detail}). Open and re-save the file in Word.',
  },
  'unsupported-type': {
    vi: 'Loại tệp không được hỗ trợ ({detail}); plan-lint đọc .docx, .md và .txt.',
    en: 'Unsupported file type ({detail}); plan-lint reads .docx, .md and .txt.',
  },
  'legacy-encoding': {
    vi: 'Văn bản gõ bằng bảng mã cũ ({detail}) nên hiển thị sai dấu (ví dụ "{sample}"). Hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) hoặc dùng phông Unicode như Times New Roman, lưu lại rồi kiểm tra lại.',
    en: 'The text is typed in a legacy encoding ({detail}), so its accents read as garbage (e.g. "{sample}"). Convert it to Unicode (e.g. Unikey\'s converter) or use a Unicode font such as Times New Roman, save, and lint it again.',
  },
  'too-deep': {
    vi: 'Tệp có {what_vi} lồng nhau quá sâu (giới hạn {limit} tầng); tệp có thể bị hỏng.',
    en: 'The file nests {what_en} too deeply (the limit is {limit} levels); it may be damaged.',
  },
  'time-limit': {
    vi: 'Dừng kiểm tra tệp vì vượt giới hạn thời gian {limit}.',
    en: 'Stopped linting the file: it exceeded the time limit of {limit}.',
  },
  internal: {
    vi: 'Lỗi nội bộ của plan-lint khi đọc tệp: {detail}. Vui lòng báo lỗi kèm tệp này.',
    en: 'Internal plan-lint error while reading the file: {detail}. Please report it with this file.',
  },
};

export class FatalError extends Error {
  constructor(
    readonly code: FatalCode,
    readonly data: Record<string, string | number> = {},
  ) {
    super(`${code}: ${JSON.stringify(data)}`);
    this.name = 'FatalError';
  }
}

export function fill(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function fatalText(code: FatalCode, data: Record<string, string | number>, lang: 'vi' | 'en'): string {
  return fill(TEXTS[code][lang], data);
}
