// plan-lint serve: the page's script (no build step, no outside resources; the CSP allows only this file).
'use strict';

const TEXT = {
  vi: {
    title: 'Kiểm tra văn bản trước khi trình ký',
    intro: 'Chọn hoặc kéo thả một tệp Word (.docx), Markdown (.md) hay văn bản (.txt). Trang chỉ ra các lỗi thường gặp: đánh số mục, ngày tháng, số hiệu văn bản dẫn chiếu, tên đơn vị, chỗ còn để trống, chính tả.',
    unitLabel: 'Đơn vị ban hành (không bắt buộc)',
    unitPlaceholder: 'ví dụ: phường Hải An',
    stageLabel: 'Giai đoạn',
    stageDraft: 'Dự thảo (chưa cần số, ngày)',
    stageFinal: 'Bản trình ký (đủ số, ngày)',
    choose: 'Chọn tệp…',
    dropHint: 'hoặc kéo thả tệp vào khung này',
    privacy: 'Tệp chỉ được kiểm tra rồi bỏ đi: máy chủ không lưu và không ghi lại nội dung tệp.',
    downloadAnnotated: 'Tải bản có nhận xét (Word)',
    downloadFixed: 'Tải bản đã sửa',
    recheck: 'Kiểm tra lại',
    footer: 'plan-lint chỉ hỗ trợ rà soát; người soạn thảo và người ký vẫn chịu trách nhiệm về nội dung văn bản.',
    switchTo: 'English',
    uploading: (p) => `Đang tải tệp lên… ${p}%`,
    checking: 'Đang kiểm tra văn bản… (tệp lớn có thể mất đến nửa phút)',
    preparing: 'Đang tạo tệp để tải về…',
    tooLarge: (size, max) => `Tệp quá lớn (${size} MB); giới hạn tải lên là ${max} MB.`,
    wrongType: (n) => `Tệp "${n}" không đọc được: plan-lint đọc tệp Word .docx, Markdown .md và văn bản .txt. Với tệp .doc cũ, hãy mở trong Word và Lưu thành .docx.`,
    network: 'Không kết nối được với máy chủ kiểm tra. Hãy thử lại.',
    busy: (s) => `Máy chủ đang bận. Hãy thử lại sau khoảng ${s} giây.`,
    errors: (n) => `${n} lỗi`,
    warnings: (n) => `${n} cảnh báo`,
    infos: (n) => `${n} lưu ý`,
    clean: 'Không thấy lỗi nào',
    cleanLong: 'Không phát hiện lỗi nào trong văn bản này.',
    level: ['Lưu ý', 'Cảnh báo', 'Lỗi'],
    section: 'Mục',
    general: 'Toàn văn bản',
    top: 'Phần đầu văn bản (quốc hiệu, tên cơ quan, số, ngày, tiêu đề, căn cứ)',
    end: 'Phần cuối văn bản (nơi nhận, chữ ký, phụ lục)',
    legend: 'Lỗi: cần sửa trước khi trình ký. Cảnh báo: nên xem lại. Lưu ý: để tham khảo.',
    saved: (n, count, kind) => `Đã tải về «${n}» (${count} ${kind === 'annotate' ? 'nhận xét' : 'thay đổi được đánh dấu'}).`,
    savedText: (n, count) => `Đã tải về «${n}» (${count} chỗ đã sửa).`,
    table: (t, r, c) => `Bảng ${t}, hàng ${r}, ô ${c}`,
    line: (l) => `dòng ${l}`,
    paragraph: (l) => `đoạn ${l}`,
    suggest: 'Đề nghị:',
    hintDocx: (fix) => `Bản có nhận xét: mỗi lỗi thành một nhận xét (Comment) đặt đúng chỗ trong Word.${fix ? ' Bản đã sửa: các sửa an toàn hiện dưới dạng theo dõi thay đổi (Track Changes) để người soạn chấp nhận hoặc từ chối.' : ''}`,
    hintText: (fix) => (fix ? 'Bản đã sửa: tệp với các sửa an toàn đã áp dụng; những lỗi còn lại cần sửa tay.' : ''),
    unreadable: 'Không kiểm tra được tệp',
  },
  en: {
    title: 'Check a document before it is signed',
    intro: 'Choose or drop a Word (.docx), Markdown (.md) or text (.txt) file. The page shows the usual defects: section numbering, dates, numbers of cited documents, unit names, blanks left to fill, spelling.',
    unitLabel: 'Issuing unit (optional)',
    unitPlaceholder: 'e.g. phường Hải An',
    stageLabel: 'Stage',
    stageDraft: 'Draft (no number, date yet)',
    stageFinal: 'For signing (number, date set)',
    choose: 'Choose a file…',
    dropHint: 'or drop a file into this box',
    privacy: 'The file is checked and then dropped: the server neither stores nor logs its content.',
    downloadAnnotated: 'Download with comments (Word)',
    downloadFixed: 'Download the fixed copy',
    recheck: 'Check again',
    footer: 'plan-lint only helps reviewing; the drafter and the signer remain responsible for the document.',
    switchTo: 'Tiếng Việt',
    uploading: (p) => `Uploading the file… ${p}%`,
    checking: 'Checking the document… (a large file may take up to half a minute)',
    preparing: 'Preparing the download…',
    tooLarge: (size, max) => `Tệp quá lớn (${size} MB); giới hạn tải lên là ${max} MB.`,
    tooLarge: (size, max) => `The file is too large (${size} MB); the upload limit is ${max} MB.`,
    wrongType: (n) => `"${n}" cannot be read: plan-lint reads Word .docx, Markdown .md and text .txt files. For an old .doc file, open it in Word and Save As .docx.`,
    network: 'Cannot reach the checking server. Please try again.',
    busy: (s) => `The server is busy. Please try again in about ${s} seconds.`,
    errors: (n) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
    infos: (n) => `${n} note${n === 1 ? '' : 's'}`,
    clean: 'No defects found',
    cleanLong: 'No defects were found in this document.',
    level: ['Note', 'Warning', 'Error'],
    section: 'Section',
    general: 'Whole document',
    top: 'Top of the document (national motto, issuing body, number, date, title, grounds)',
    end: 'End of the document (recipients, signature, appendices)',
    legend: 'Error: fix before signing. Warning: worth a second look. Note: for information.',
    saved: (n, count, kind) => `Downloaded "${n}" (${count} ${kind === 'annotate' ? 'comment' : 'tracked change'}${count === 1 ? '' : 's'}).`,
    savedText: (n, count) => `Downloaded "${n}" (${count} fix${count === 1 ? '' : 'es'} applied).`,
    table: (t, r, c) => `Table ${t}, row ${r}, cell ${c}`,
    line: (l) => `line ${l}`,
    paragraph: (l) => `paragraph ${l}`,
    suggest: 'Suggested:',
    hintDocx: (fix) => `With comments: every finding becomes a Word comment at its place.${fix ? ' Fixed copy: the safe fixes as tracked changes, for the drafter to accept or reject.' : ''}`,
    hintText: (fix) => (fix ? 'Fixed copy: the file with the safe fixes applied; the other findings need fixing by hand.' : ''),
    unreadable: 'The file could not be checked',
  },
};

const $ = (id) => document.getElementById(id);
const els = {
  lang: $('lang'), form: $('form'), unit: $('unit'), stage: $('stage'), drop: $('drop'), file: $('file'),
  status: $('status'), statusText: $('status-text'), progress: $('progress'), error: $('error'),
  result: $('result'), title: $('result-title'), summary: $('summary'), groups: $('groups'),
  annotate: $('dl-annotate'), fix: $('dl-fix'), recheck: $('recheck'), hint: $('actions-hint'), notice: $('notice'),
};

const state = {
  lang: initialLang(),
  file: null, // the File chosen, kept only in this page for the downloads
  result: null,
  busy: false,
  maxUploadBytes: Infinity, // from the server, once known
};

// the upload limit, and the unit and stage of the office's configuration as the starting options
fetch('/api/settings').then((r) => (r.ok ? r.json() : null)).then((c) => {
  if (!c) return;
  if (c.maxUploadBytes > 0) state.maxUploadBytes = c.maxUploadBytes;
  if (c.stage === 'draft' || c.stage === 'final') els.stage.value = c.stage;
  if (typeof c.unit === 'string' && !els.unit.value) els.unit.value = c.unit;
}).catch(() => { /* the server will say what is wrong when a file is sent */ });

const mb = (n) => (Math.round((n / 1024 / 1024) * 10) / 10).toLocaleString(state.lang);

function initialLang() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'vi') return q;
  try {
    const saved = localStorage.getItem('plan-lint-lang');
    if (saved === 'en' || saved === 'vi') return saved;
  } catch { /* storage may be off */ }
  return 'vi';
}

const t = () => TEXT[state.lang];

function applyLang() {
  const tx = t();
  document.documentElement.lang = state.lang;
  document.title = `plan-lint — ${tx.title}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = tx[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = tx[el.dataset.i18nPlaceholder];
  els.lang.textContent = tx.switchTo;
  els.lang.lang = state.lang === 'vi' ? 'en' : 'vi';
}

// ---------- talking to the server ----------

function apiUrl(action, file) {
  const q = new URLSearchParams({ name: file.name, lang: state.lang, stage: els.stage.value });
  const unit = els.unit.value.trim();
  if (unit) q.set('unit', unit);
  return `/api/${action}?${q}`;
}

/** POST the file; reports upload progress, resolves with { status, headers, body } (body: text or Blob). */
function post(action, file, asBlob, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(action, file));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = asBlob ? 'blob' : 'text';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total); };
    xhr.upload.onload = () => onProgress && onProgress(1);
    xhr.onload = () => resolve({ status: xhr.status, header: (h) => xhr.getResponseHeader(h), body: xhr.response });
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

async function errorText(res) {
  if (res.status === 503 && res.header('Retry-After')) return t().busy(res.header('Retry-After'));
  try {
    const text = typeof res.body === 'string' ? res.body : await res.body.text();
    const data = JSON.parse(text);
    if (data && data.error) return data.error;
  } catch { /* not JSON */ }
  return `HTTP ${res.status}`;
}

// ---------- checking ----------

function showStatus(text, fraction) {
  els.status.hidden = false;
  els.statusText.textContent = text;
  if (fraction === undefined) els.progress.removeAttribute('value');
  else els.progress.value = Math.round(fraction * 100);
}

function hideStatus() { els.status.hidden = true; }

function showError(text) {
  els.error.textContent = text;
  els.error.hidden = false;
  els.error.scrollIntoView({ block: 'nearest' });
}

function setBusy(busy) {
  state.busy = busy;
  for (const b of [els.annotate, els.fix, els.recheck]) b.disabled = busy;
  els.file.disabled = busy;
}

const ACCEPTED = /\.(docx|md|markdown|txt)$/i;

async function check(file) {
  if (state.busy) return;
  els.error.hidden = true;
  if (!ACCEPTED.test(file.name)) {
    els.result.hidden = true;
    showError(t().wrongType(file.name));
    return;
  }
  if (file.size > state.maxUploadBytes) {
    els.result.hidden = true;
    showError(t().tooLarge(mb(file.size), mb(state.maxUploadBytes)));
    return;
  }
  state.file = file;
  setBusy(true);
  showStatus(t().uploading(0), 0);
  try {
    const res = await post('lint', file, false, (f) => {
      if (f < 1) showStatus(t().uploading(Math.round(f * 100)), f);
      else showStatus(t().checking);
    });
    hideStatus();
    let data = null;
    try { data = JSON.parse(res.body); } catch { /* not JSON */ }
    if (res.status !== 200 || !data || !Array.isArray(data.messages)) {
      state.result = null;
      els.result.hidden = true;
      showError(`${t().unreadable}: ${await errorText(res)}`);
      return;
    }
    state.result = data;
    render(data);
  } catch {
    hideStatus();
    showError(t().network);
  } finally {
    setBusy(false);
  }
}

// ---------- showing the findings ----------

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const SEV = ['info', 'warning', 'error'];

function chip(kind, text) { return el('span', `chip ${kind}`, text); }

/** The paragraph with the quoted text marked; a long paragraph is cut around it. */
function quoteOf(text, start, end) {
  const q = el('p', 'quote');
  const before = text.slice(0, start);
  const after = text.slice(end);
  const room = 240;
  q.append(before.length > room ? `…${before.slice(before.length - room)}` : before);
  q.append(el('mark', '', text.slice(start, end) || ' '));
  q.append(after.length > room ? `${after.slice(0, room)}…` : after);
  return q;
}

function groupTitle(key, ctx) {
  const tx = t();
  const h = el('h3');
  if (key === null) h.textContent = tx.general;
  else if (key === '#top') h.textContent = tx.top;
  else if (key === '#end') h.textContent = tx.end;
  else {
    const s = ctx && ctx.sections[key];
    h.append(el('span', 'path', s ? s.ref : `${tx.section} ${key}`));
    if (s && s.heading) h.append(s.heading);
  }
  return h;
}

function render(data) {
  const tx = t();
  const ctx = data.context;
  els.title.textContent = data.filePath;
  els.summary.replaceChildren();
  const total = data.errorCount + data.warningCount + data.infoCount;
  if (data.errorCount) els.summary.append(chip('error', tx.errors(data.errorCount)));
  if (data.warningCount) els.summary.append(chip('warning', tx.warnings(data.warningCount)));
  if (data.infoCount) els.summary.append(chip('info', tx.infos(data.infoCount)));
  if (!total) els.summary.append(chip('ok', tx.clean));

  const isDocx = /\.docx$/i.test(data.filePath);
  const fixable = data.fixableErrorCount + data.fixableWarningCount > 0 || data.messages.some((m) => m.fix);
  els.annotate.hidden = !isDocx || total === 0;
  els.fix.hidden = !fixable;
  els.hint.textContent = [total ? tx.legend : '', isDocx ? (total ? tx.hintDocx(fixable) : '') : tx.hintText(fixable)].filter(Boolean).join('\n');
  els.notice.hidden = true;

  // findings grouped by section, in the order the sections first appear; outside every section,
  // what comes before the first one is the top of the document, what comes after is its end
  const groups = new Map();
  let inSections = false;
  data.messages.forEach((m, i) => {
    if (m.location && m.location.section) inSections = true;
    const key = m.location ? (m.location.section || (inSections ? '#end' : '#top')) : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ m, span: ctx && ctx.spans[i] });
  });
  els.groups.replaceChildren();
  if (!total) {
    const ok = el('div', 'alert ok', tx.cleanLong);
    els.groups.append(ok);
  }
  for (const [key, items] of groups) {
    const box = el('section', 'group');
    box.append(groupTitle(key, ctx));
    const list = el('ul', 'findings');
    for (const { m, span } of items) {
      const li = el('li', 'finding');
      const head = el('div', 'finding-head');
      head.append(el('span', `badge ${SEV[m.severity]}`, tx.level[m.severity]), el('p', 'msg', m.message));
      li.append(head);
      if (span && ctx.paragraphs[span.paragraph] !== undefined) li.append(quoteOf(ctx.paragraphs[span.paragraph], span.start, span.end));
      if (m.suggestions && m.suggestions.length) {
        const s = el('p', 'suggest');
        s.append(el('b', '', `${tx.suggest} `), m.suggestions.map((x) => `«${x.text}»`).join(', '));
        li.append(s);
      }
      const meta = el('p', 'meta');
      const where = [];
      if (m.location && m.location.table) where.push(tx.table(m.location.table.table, m.location.table.row, m.location.table.cell));
      if (m.line) where.push(isDocx ? tx.paragraph(m.line) : tx.line(m.line));
      if (where.length) meta.append(el('span', 'where', where.join(' · ')));
      if (m.ruleId) meta.append(el('span', 'rule', m.ruleId));
      li.append(meta);
      list.append(li);
    }
    box.append(list);
    els.groups.append(box);
  }
  els.result.hidden = false;
  els.title.focus();
}

// ---------- downloads ----------

function downloadName(res, fallback) {
  const cd = res.header('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) { try { return decodeURIComponent(star[1]); } catch { /* fall through */ } }
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? plain[1] : fallback;
}

async function download(action, button) {
  if (!state.file || state.busy) return;
  els.error.hidden = true;
  setBusy(true);
  showStatus(t().preparing);
  try {
    const res = await post(action, state.file, true, null);
    hideStatus();
    if (res.status !== 200) {
      showError(await errorText(res));
      return;
    }
    const url = URL.createObjectURL(res.body);
    const a = document.createElement('a');
    a.href = url;
    a.download = downloadName(res, state.file.name);
    const count = Number(res.header(action === 'annotate' ? 'X-Plan-Lint-Comments' : 'X-Plan-Lint-Changes') || 0);
    els.notice.textContent = /\.docx$/i.test(state.file.name) ? t().saved(a.download, count, action) : t().savedText(a.download, count);
    els.notice.hidden = false;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch {
    hideStatus();
    showError(t().network);
  } finally {
    setBusy(false);
    button.focus();
  }
}

// ---------- wiring ----------

els.file.addEventListener('change', () => {
  const f = els.file.files && els.file.files[0];
  if (f) check(f);
  els.file.value = ''; // choosing the same file again checks it again
});

for (const ev of ['dragenter', 'dragover']) {
  els.drop.addEventListener(ev, (e) => { e.preventDefault(); els.drop.classList.add('over'); });
}
for (const ev of ['dragleave', 'drop']) {
  els.drop.addEventListener(ev, () => els.drop.classList.remove('over'));
}
els.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer && e.dataTransfer.files[0];
  if (f) check(f);
});
// a file dropped beside the box is not opened by the browser in place of the page
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

els.form.addEventListener('submit', (e) => e.preventDefault());
els.annotate.addEventListener('click', () => download('annotate', els.annotate));
els.fix.addEventListener('click', () => download('fix', els.fix));
els.recheck.addEventListener('click', () => state.file && check(state.file));
els.stage.addEventListener('change', () => state.file && check(state.file));
els.unit.addEventListener('change', () => state.file && check(state.file));

els.lang.addEventListener('click', () => {
  state.lang = state.lang === 'vi' ? 'en' : 'vi';
  try { localStorage.setItem('plan-lint-lang', state.lang); } catch { /* storage may be off */ }
  applyLang();
  if (state.file && state.result) check(state.file); // the findings come in the page's language
});

applyLang();
