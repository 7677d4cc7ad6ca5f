// Document identity: when two mentions name one document, and on what evidence.
import { describe, expect, it } from 'vitest';
import { canonicalIssuer, oneEditApart, relate, sameIssuer, sameSubject, type DocIdentity } from '../src/extract/identity.js';

const doc = (over: Partial<DocIdentity>): DocIdentity => ({ kind: 'kế hoạch', number: '40', code: 'KH-UBND', ...over });

describe('document identity', () => {
  it('one keystroke: a digit changed, added, dropped, or two swapped', () => {
    expect(oneEditApart('215', '251')).toBe(true);
    expect(oneEditApart('40', '41')).toBe(true);
    expect(oneEditApart('40', '400')).toBe(true);
    expect(oneEditApart('40', '4')).toBe(true);
    expect(oneEditApart('40', '40')).toBe(false);
    expect(oneEditApart('40', '57')).toBe(false);
    expect(oneEditApart('123', '321')).toBe(false);
  });

  it('issuers: UBND and Ủy ban nhân dân, Bộ and Bộ trưởng Bộ are one; a body and its standing committee two', () => {
    expect(sameIssuer('UBND tỉnh', 'Ủy ban nhân dân tỉnh')).toBe(true);
    expect(sameIssuer('Bộ trưởng Bộ Tài chính', 'Bộ Tài chính')).toBe(true);
    expect(sameIssuer('Ban Chấp hành Đảng bộ thành phố', 'Thành ủy')).toBe(true);
    expect(sameIssuer('Đảng ủy phường', 'Ban Thường vụ Đảng ủy phường')).toBe(false);
    expect(canonicalIssuer('HĐND tỉnh')).toBe('hội đồng nhân dân tỉnh');
  });

  it('subjects: the same words, or two subjects that differ in a year or at the end', () => {
    expect(sameSubject('về chuyển đổi số trong cơ quan nhà nước năm 2026', 'chuyển đổi số trong cơ quan nhà nước năm 2026')).toBe(true);
    expect(sameSubject('cải cách hành chính trên địa bàn tỉnh năm 2025', 'cải cách hành chính trên địa bàn tỉnh năm 2026')).toBe(false);
    expect(sameSubject('đôn đốc thực hiện kết luận tại huyện A và xã B', 'đôn đốc thực hiện kết luận tại huyện C và xã D')).toBe(false);
  });

  it('the same full number is one document, unless its date is of another year (numbers start again each year)', () => {
    expect(relate(doc({ date: { day: 2, month: 4, year: 2025 } }), doc({ date: { day: 3, month: 4, year: 2025 } }))).toEqual({ same: true, evidence: 'same-number' });
    expect(relate(doc({ date: { day: 2, month: 4, year: 2025 } }), doc({ date: { day: 2, month: 4, year: 2024 } })).same).toBe(false);
    expect(relate(doc({ year: '2024', code: 'QH15' }), doc({ year: '2025', code: 'QH15' })).same).toBe(false);
  });

  it('another number: only on evidence', () => {
    const basis = doc({ number: '317', date: { day: 14, month: 1, year: 2026 }, issuer: 'Ủy ban nhân dân thành phố' });
    const slip = doc({ number: '371', date: { day: 14, month: 1, year: 2026 }, issuer: 'UBND thành phố' });
    expect(relate(basis, slip, { basis: true })).toEqual({ same: true, evidence: 'date-issuer' });
    // not from the basis: two documents of one office, one day
    expect(relate(basis, slip).same).toBe(false);
    // a number far away with nothing else: another document
    expect(relate(basis, doc({ number: '90' }), { basis: true }).same).toBe(false);
    // its own date: another document
    expect(relate(basis, doc({ number: '371', date: { day: 2, month: 3, year: 2026 } }), { basis: true }).same).toBe(false);
    const a = doc({ kind: 'nghị quyết', code: 'NQ/TW', number: '18', subject: 'tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị' });
    expect(relate(a, { ...a, number: '81' })).toEqual({ same: true, evidence: 'same-subject' });
    expect(relate(doc({ code: 'KH-BTT-MTTQ', number: '16' }), doc({ code: 'KH-MTTQ-BTT', number: '16' }))).toEqual({ same: true, evidence: 'code-order' });
  });
});
