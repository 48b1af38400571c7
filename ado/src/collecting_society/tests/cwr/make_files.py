"""How the CWR test files here were written: record by record, field by
field, as CISAC's functional specifications lay them out (each record's
length asserted), independently of the reader under test. The .json golden
files and mixed.ACK are the reader's and writer's output, checked by eye.

    python3 make_files.py       # rewrites the .V21/.V22 files beside it
"""
from pathlib import Path

OUT = Path(__file__).parent

def A(s, n):
    assert len(s) <= n, (s, n)
    return s.ljust(n)

def N(v, n):
    s = str(v).zfill(n)
    assert len(s) == n
    return s

def S(pct):  # '50.00' -> '05000'
    whole, _, frac = pct.partition('.')
    return N(int(whole) * 100 + int((frac + '00')[:2]), 5)

LENGTHS = {'HDR': 101, 'GRH': 28, 'GRT': 37, 'TRL': 24, 'NWR': 260,
    'REV': 260, 'SPU': 183, 'SPT': 58, 'SWR': 180, 'OWR': 180, 'SWT': 52,
    'PWR': 110, 'ALT': 83, 'PER': 118, 'REC': 266, 'ORN': 301, 'XRF': 38}

def check(line, v22=False):
    kind = line[:3]
    want = {'HDR': 167, 'PWR': 112, 'REC': 540}.get(kind) if v22 else None
    want = want or LENGTHS[kind]
    assert len(line) == want, (kind, len(line), want)
    return line

def hdr(v22=False):
    line = ('HDR' + 'PB' + N(199, 9) + A('MUSIC PUB', 45) + '01.10'
        + '20261201' + '093000' + '20261201' + A('', 15))
    if v22:
        line += '2.2' + '002' + A('HANDWRITTEN', 30) + A('1.0', 30)
    return line

def grh(kind, group, v22=False):
    return ('GRH' + kind + N(group, 5) + ('02.20' if v22 else '02.10')
        + N(0, 10) + '  ')

def grt(group, transactions, records):
    return 'GRT' + N(group, 5) + N(transactions, 8) + N(records, 8) + '   ' + N(0, 10)

def trl(groups, transactions, records):
    return 'TRL' + N(groups, 5) + N(transactions, 8) + N(records, 8)

def prefix(kind, t, r):
    return kind + N(t, 8) + N(r, 8)

def work(kind, t, title, number, iswc, category='POP', duration='000330'):
    return (prefix(kind, t, 0) + A(title, 60) + 'EN' + A(number, 14)
        + A(iswc, 11) + N(0, 8) + A('', 12) + category + duration + 'Y'
        + 'MTX' + A('', 3) + 'ORI' + A('', 9) + A('', 30) + A('', 10)
        + A('', 2) + 'N' + N(0, 3) + N(0, 8) + ' ' + A('', 25) + A('', 25)
        + 'N')

def spu(t, r, pr='50.00', mr='100.00', sr='100.00'):
    return (prefix('SPU', t, r) + '01' + A('P000001', 9) + A('MUSIC PUB', 45)
        + ' ' + 'E ' + A('', 9) + '00000000199' + A('', 14)
        + '035' + S(pr) + '035' + S(mr) + '035' + S(sr)
        + ' ' + 'N' + ' ' + A('', 13) + A('', 14) + A('', 14) + A('', 2)
        + ' ')

def spt(t, r, pr='50.00', mr='100.00', sr='100.00'):
    return (prefix('SPT', t, r) + A('P000001', 9) + A('', 6) + S(pr) + S(mr)
        + S(sr) + 'I' + '2136' + 'N' + '001')

def writer(kind, t, r, number, last, first, role, ipi, pr, base=''):
    return (prefix(kind, t, r) + A(number, 9) + A(last, 45) + A(first, 30)
        + ' ' + A(role, 2) + A('', 9) + A(ipi, 11) + '035' + S(pr)
        + '035' + S('0') + '035' + S('0') + ' ' + 'N' + 'N' + ' '
        + A(base, 13) + N(0, 12) + ' ')

def swt(t, r, number, pr):
    return (prefix('SWT', t, r) + A(number, 9) + S(pr) + S('0') + S('0')
        + 'I' + '2136' + 'N' + '001')

def pwr(t, r, writer_number, v22=False):
    line = (prefix('PWR', t, r) + A('P000001', 9) + A('MUSIC PUB', 45)
        + A('', 14) + A('', 14) + A(writer_number, 9))
    return line + '01' if v22 else line

def alt(t, r, title):
    return prefix('ALT', t, r) + A(title, 60) + 'AT' + '  '

def per(t, r, name):
    return prefix('PER', t, r) + A(name, 45) + A('', 30) + A('', 11) + A('', 13)

def rec(t, r, isrc, v22=False):
    line = (prefix('REC', t, r) + '20260301' + A('', 60) + '000330' + A('', 5)
        + A('FIRST ALBUM', 60) + A('SMALL LABEL', 60) + A('SL001', 18)
        + A('', 13) + A(isrc, 12) + 'A' + 'D' + 'CD ')
    if v22:
        line += (A('MORNING LIGHT', 60) + A('RADIO EDIT', 60)
            + A('THE LIGHTS', 60) + A('SMALL LABEL', 60) + A('Y', 20)
            + A('R0001', 14))
    return line

def orn(t, r):
    return (prefix('ORN', t, r) + 'LIB' + A('', 60) + A('LIBCD01', 15)
        + N(3, 4) + A('SOUND LIBRARY', 60) + ' ' + A('', 25) + A('', 12)
        + A('', 60) + A('', 20) + N(0, 4) + A('', 3) + A('', 15))

def xrf(t, r):
    return prefix('XRF', t, r) + '035' + A('12345678', 14) + 'W' + 'Y'


def file_21(iswc1='T0345246801', pr2='25.00'):
    lines = [hdr(), grh('NWR', 1)]
    body = [
        work('NWR', 0, 'MORNING LIGHT', 'PUB0001', iswc1),
        spu(0, 1), spt(0, 2),
        writer('SWR', 0, 3, 'W000001', 'SMITH', 'JANE', 'CA', '00000000297',
            '50.00', 'I-000000229-7'),
        swt(0, 4, 'W000001', '50.00'), pwr(0, 5, 'W000001'),
        alt(0, 6, 'MORNING LITE'), per(0, 7, 'THE LIGHTS'),
        rec(0, 8, 'DEA122600001'),
        work('NWR', 1, 'RIVER SONG', 'PUB0002', ''),
        spu(1, 1), spt(1, 2),
        writer('SWR', 1, 3, 'W000001', 'SMITH', 'JANE', 'C', '00000000297',
            pr2),
        swt(1, 4, 'W000001', '25.00'), pwr(1, 5, 'W000001'),
        writer('OWR', 1, 6, '', 'DOE', 'JOHN', 'A', '12345678993', '25.00'),
        pwr(1, 7, ''),
    ]
    lines += body + [grt(1, 2, len(body) + 2), grh('REV', 2)]
    body = [
        work('REV', 0, 'EVENING STAR', 'PUB0003', 'T9000000011'),
        spu(0, 1), spt(0, 2),
        writer('SWR', 0, 3, 'W000002', 'MILLER', 'ANN', 'CA', '25016500657',
            '50.00'),
        swt(0, 4, 'W000002', '50.00'), pwr(0, 5, 'W000002'),
    ]
    lines += body + [grt(2, 1, len(body) + 2)]
    lines.append(trl(2, 3, len(lines) + 1))
    return [check(line) for line in lines]


def file_22():
    lines = [hdr(True), grh('NWR', 1, True)]
    body = [
        work('NWR', 0, 'MORNING LIGHT', 'PUB0001', 'T0345246801'),
        spu(0, 1), spt(0, 2),
        writer('SWR', 0, 3, 'W000001', 'SMITH', 'JANE', 'CA', '00000000297',
            '50.00'),
        swt(0, 4, 'W000001', '50.00'), pwr(0, 5, 'W000001', True),
        per(0, 6, 'THE LIGHTS'), rec(0, 7, 'DEA122600002', True),
        orn(0, 8), xrf(0, 9),
    ]
    lines += body + [grt(1, 1, len(body) + 2)]
    lines.append(trl(1, 1, len(lines) + 1))
    return [check(line, True) for line in lines]


def write(name, lines):
    (OUT / name).write_bytes(''.join(l + '\r\n' for l in lines).encode('ascii'))


if __name__ == '__main__':
    valid = file_21()
    write('valid.V21', valid)
    write('valid.V22', file_22())
    wrong_trl = valid[:-1] + [valid[-1].replace('00000003', '00000004', 1)]
    assert wrong_trl != valid
    write('wrong_trl_count.V21', wrong_trl)
    write('missing_grt.V21', valid[:19] + valid[20:])
    assert valid[19].startswith('GRT')
    short = list(valid)
    assert short[5].startswith('SWR')
    short[5] = short[5][:150]
    write('short_record.V21', short)
    write('bad_iswc.V21', file_21(iswc1='T0345246802'))
    write('shares_over_100.V21', file_21(pr2='35.00'))
    write('mixed.V21', file_21(iswc1='T0345246802', pr2='35.00'))
