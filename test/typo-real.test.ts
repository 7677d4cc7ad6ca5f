// The typo rule on the text real office documents carry (issue 11): the false-alarm classes are
// not reported, the miss classes are found with the right suggestion — on sentences written here,
// not those of the issue. Plus the pieces: Telex readings, the lexicon, the cspell reader.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromTelex, telexReadings } from '../src/typo/telex.js';
import { SyllableModel } from '../src/typo/model.js';
import { readTrieWords } from '../scripts/cspell-trie.mjs';
import fs from 'node:fs';
import { ROOT, lint, runCli, tmpDir } from './helpers.js';

async function found(text: string) {
  const res = await lint(text, { filePath: '/virtual/plan.md', only: ['typo', 'repeated-word'] });
  return res.messages.map((m) => ({ rule: m.ruleId, text: m.text!, suggestion: m.suggestions?.[0]?.text, severity: m.severity }));
}

describe('false alarms of real documents: not reported', () => {
  it('English words in a bilingual list and technical text', async () => {
    expect(await found('Mục tiêu (Objective): improve the quality of public services, not only at the top but at all levels.')).toEqual([]);
    expect(await found('Hệ thống được thiết kế theo mô hình client server, dữ liệu mã hóa 256 bit, giao diện web.')).toEqual([]);
  });
  it('units and abbreviations, chips and scanners, all-capital abbreviations', async () => {
    expect(await found('Bảo đảm đường truyền tốc độ 100 Mbit/s, băng tần Ku, thẻ gắn chip, máy scan và máy in.')).toEqual([]);
    expect(await found('Người dân dùng VNeID, CCCD gắn chip; lực lượng PCCC và UBND xã phối hợp.')).toEqual([]);
  });
  it('Roman numerals and enumerators', async () => {
    expect(await found('Nội dung gồm: (i) rà soát; (ii) đánh giá; (iv) báo cáo; (vi) kiến nghị; (b) tổng hợp.')).toEqual([]);
    expect(await found('iii) Tổ chức tập huấn cho cán bộ cấp xã.')).toEqual([]);
  });
  it('e-mail and web addresses, domains without a scheme', async () => {
    expect(await found('Tra cứu tại csdl.moet.gov.vn hoặc dichvucong.gov.vn, liên hệ vanphong@tinh.gov.vn.')).toEqual([]);
  });
  it('minority-language place names from the gazetteers, anywhere in a sentence', async () => {
    expect(await found('Huyện Krông Pắc, xã Ea Tiêu, buôn Kmăl và thôn Yang Reh tổ chức tuyên truyền.')).toEqual([]);
    expect(await found('Đắk Mil là địa bàn trọng điểm. Krông Nô triển khai trước.')).toEqual([]);
  });
  it("persons' names are checked against the name lists only, never turned into common words", async () => {
    expect(await found('Ông Y Ngông Niê Kdăm, bà H Hoa Byă tham dự.')).toEqual([]);
    expect(await found('Đồng chí Quảng Trị Hưng phát biểu. Quảng Trị tổ chức đoàn công tác.')).toEqual([]);
  });
  it('words correct in their domain: sand in a mining report, tanning, fibre optics, "nói riêng … nói chung"', async () => {
    expect(await found('Doanh nghiệp khai thác cát, sỏi lòng sông phải có giấy phép; cơ sở thuộc da, dệt nhuộm phải xử lý nước thải.')).toEqual([]);
    expect(await found('Phát triển hạ tầng cáp quang đến thôn, bản; đối với tỉnh nói riêng và cả nước nói chung.')).toEqual([]);
  });
  it('reduplications and two words that share a syllable are not doubled words', async () => {
    expect(await found('Người người thi đua, nhà nhà thi đua; hành vi vi phạm, trường hợp hợp đồng, phân công công việc, thi hành luật luật sư, số có tiền sử sử dụng ma túy.')).toEqual([]);
    expect(await found('Cán bộ từ từ tiếp cận, ngày ngày rèn luyện; Lâm Đồng đồng loạt triển khai.')).toEqual([]);
  });
});

describe('misses of real documents: found with the right suggestion', () => {
  it('a well-formed syllable no Vietnamese word uses', async () => {
    expect(await found('Các sở, ngành chịu trách nhiệng trước Ủy ban nhân dân tỉnh.')).toEqual([{ rule: 'typo', text: 'nhiệng', suggestion: 'nhiệm', severity: 2 }]);
    expect(await found('Báo cáo kết quả công tác cải cách hành chình năm 2025.')).toMatchObject([{ rule: 'typo', text: 'chình', suggestion: 'chính' }]);
  });
  it('a real syllable in the wrong place inside a common two-syllable word', async () => {
    expect(await found('Tăng cường giám sắt việc thực hiện.')).toMatchObject([{ text: 'sắt', suggestion: 'sát' }]);
    expect(await found('Phát triển kinh tề xã hội của địa phương.')).toMatchObject([{ text: 'tề', suggestion: 'tế' }]);
    expect(await found('Ban chỉ đạo phối hớp với các ngành.')).toMatchObject([{ text: 'hớp', suggestion: 'hợp' }]);
  });
  it('a word or two-word phrase typed twice: an error whose fix removes the copy', async () => {
    expect(await found('Ủy ban nhân dân xã có trách nhiệm báo cáo cáo kết quả.')).toEqual([{ rule: 'repeated-word', text: 'cáo cáo', suggestion: 'cáo', severity: 2 }]);
    expect(await found('Tổ chức hội nghị hội nghị sơ kết sáu tháng.')).toMatchObject([{ rule: 'repeated-word', text: 'hội nghị hội nghị', suggestion: 'hội nghị' }]);
  });
  it('a doubling inside a misspelt phrase ("Hệ thống thống tin" for "Hệ thống thông tin") is reported with no fix: removing a copy leaves a pair never written, and the phrase meant is suggested', async () => {
    const res = await lint('Cập nhật dữ liệu vào hệ thống thống tin của tỉnh.', { filePath: '/virtual/plan.md', only: ['repeated-word'] });
    expect(res.messages.map((m) => [m.text, m.messageId, m.fix, m.suggestions?.map((x) => x.text)])).toEqual([['thống thống', 'repeatedMisspelt', undefined, ['thống thông']]]);
    expect(res.messages[0]!.message).toContain('"thống tin"');
  });
  it('a syllable doubled at the end of a clause that removing a copy would leave without its partner gets no fix, and the word meant is suggested', async () => {
    const fixOf = async (text: string) => {
      const res = await lint(text, { filePath: '/virtual/plan.md', only: ['repeated-word'] });
      return res.messages.map((m) => [m.text, m.messageId, m.fix ? 'fix' : 'no fix', m.suggestions?.map((x) => x.text)]);
    };
    // the second copy meant: "tình" goes with "hình" in most of its uses
    expect(await fixOf('Cơ quan đã nắm chắc tình tình, tổ chức rà soát ngay.')).toEqual([['tình tình', 'repeatedMisspelt', 'no fix', ['tình hình']]]);
    expect(await fixOf('Khen thưởng các anh hùng lực lượng vũ trang nhân nhân; các tập thể khác.')).toEqual([['nhân nhân', 'repeatedMisspelt', 'no fix', ['nhân dân']]]);
    // the first copy meant: "đồng nhân" is common, and "dân" comes after "nhân" in most of its uses
    expect(await fixOf('Cấp con dấu cho Hội đồng dân dân, Ủy ban nhân dân cấp xã.')).toEqual([['dân dân', 'repeatedMisspelt', 'no fix', ['nhân dân']]]);
    // still removed: a syllable that ends a word with the one before it, function words, and doublings before a word
    expect(await fixOf('Thúc đẩy phát triển triển.')).toEqual([['triển triển', 'repeated', 'fix', ['triển']]]);
    expect(await fixOf('Hồ sơ của cá nhân nhân.')).toEqual([['nhân nhân', 'repeated', 'fix', ['nhân']]]);
    expect(await fixOf('Mục tiêu đó là là.')).toEqual([['là là', 'repeated', 'fix', ['là']]]);
    expect(await fixOf('Cơ quan đã nắm chắc tình tình hình mới.')).toEqual([['tình tình', 'repeated', 'fix', ['tình']]]);
  });
  it('"học sinh sinh viên" (pupils and students, often written without a comma) is two words meeting, not a doubling', async () => {
    const res = await lint('Phục vụ học sinh sinh viên trong tỉnh; tăng cường công tác học sinh sinh sinh viên.', { filePath: '/virtual/plan.md', only: ['repeated-word'] });
    expect(res.messages.map((m) => [m.text, m.suggestions?.map((x) => x.text)])).toEqual([['sinh sinh', ['sinh']]]);
  });
  it('--fix removes the copies and leaves the text otherwise as it was', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'plan.md');
    fs.writeFileSync(file, 'Kế hoạch\n\nĐề nghị các các phòng phối hợp để để thực hiện công tác công tác tuyên truyền; hành vi vi phạm bị xử lý.\n');
    const r = runCli(['--no-config', '--fix', '--rule', 'typo:off', file]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe('Kế hoạch\n\nĐề nghị các phòng phối hợp để thực hiện công tác tuyên truyền; hành vi vi phạm bị xử lý.\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('Telex keys one off, or left unconverted', async () => {
    expect(await found('Phòng Nội vụ avf Phòng Tài chính tham mưu.')).toEqual([{ rule: 'typo', text: 'avf', suggestion: 'và', severity: 2 }]);
    expect(await found('Lập dnah sách hộ nghèo năm 2026.')).toMatchObject([{ text: 'dnah', suggestion: 'danh' }]);
    expect(await found('Các cơ quan, đơn vị cos liên quan phối hợp.')).toMatchObject([{ text: 'cos', suggestion: 'có' }]);
  });
});

describe('the pieces', () => {
  it('reads Telex keys, as typed and with two keys swapped', () => {
    expect(fromTelex('ddaay')).toBe('đây');
    expect(fromTelex('nghieepj')).toBe('nghiệp');
    expect(fromTelex('avf')).toBeUndefined();
    expect(telexReadings('avf')).toContain('và');
    expect(telexReadings('hcoj')).toContain('học');
  });
  it('the lexicon attests what Vietnamese writes and not what it does not', () => {
    const m = SyllableModel.load();
    for (const s of ['chủ', 'tịch', 'nghiêng', 'khuỷu', 'voọc']) expect(m.attested(m.analyze(s).key!), s).toBe(true);
    for (const s of ['tực', 'nhiệng', 'chiển']) expect(m.attested(m.analyze(s).key!), s).toBe(false);
    for (const s of ['đắk', 'krông', 'ea', 'kmăl']) expect(m.nameSyllable(s), s).toBe(true);
  });
  it('reads the cspell word list it is built from', () => {
    const words = readTrieWords(path.join(ROOT, 'node_modules', '@cspell', 'dict-vi-vn', 'vi.trie.gz'));
    expect(words.length).toBeGreaterThan(5000);
    expect(words).toContain('nghiêng');
    expect(words).toContain('trực');
  });
});
