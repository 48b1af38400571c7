"""How the DSR test reports here were written: record by record, cell by
cell, as the profile schemas (ddexnet/dsrf schemas/BasicAudioProfile/1.1,
schemas/UgcProfile) and DDEX's sample UGC report lay them out, with FOOT's
counts counted here, independently of the reader under test. The .json
golden files are the reader's output, checked by eye.

    python3 make_files.py       # rewrites the .tsv/.tsv.gz files beside it
"""
import gzip
from pathlib import Path

OUT = Path(__file__).parent
SENDER = 'PADPIDA2026120101S'
RECIPIENT = 'PADPIDA2026120102R'
BASIC = f'DSR_{SENDER}_{RECIPIENT}_Premium_2026-06_DE'
UGC = f'DSR_{SENDER}_{RECIPIENT}_AdSupport_2026-Q2_DE'


def row(*cells):
    return '\t'.join(cells)


def head(profile, message, number, files, start, end, service):
    return row('HEAD', 'dsrf/30', profile, '1.1', message,
        '2026-07-05T10:15:00Z', str(number), str(files), start, end, SENDER,
        'Commons Stream', service, RECIPIENT, 'ADO TEST SOCIETY')


def foot(records, summaries, blocks, report=None):
    """FOOT of a file whose lines before it are `records`; `report` the
    report's (lines, blocks) where this file gives them"""
    lines, total_blocks = report or ('', '')
    return row('FOOT', str(len(records) + 1), str(lines), str(summaries),
        str(blocks), str(total_blocks))


# Basic Audio: a streaming month in Germany, two sales contexts
BASIC_HEAD_COMMENTS = [
    row('#HEAD', 'MessageVersion', 'Profile', 'ProfileVersion', 'MessageId',
        'MessageCreatedDateTime', 'FileNumber', 'NumberOfFiles',
        'UsageStartDate', 'UsageEndDate', 'SenderPartyId', 'SenderName',
        'ServiceDescription', 'RecipientPartyId', 'RecipientName',
        'RepresentedRepertoire'),
    row('#SU02', 'BlockId', 'SummaryRecordId', 'SalesTransactionId',
        'TransactedRelease', 'TransactedResource', 'IsRoyaltyBearing',
        'NumberOfStreams', 'PriceConsumerPaidExcSalesTax',
        'PromotionalActivity'),
]

BASIC_SUMMARIES = [
    row('SY02.01', 'S1', 'Commons Stream', '', 'SubscriptionModel',
        'OnDemandStream', 'DE', 'Premium', '15000', '1200', 'EUR',
        '4500.00', '', '', '', '', '', ''),
    row('SY02.01', 'S2', 'Commons Stream', '', 'AdvertisementSupportedModel',
        'OnDemandStream', 'DE', 'Free', '9000', '3000', 'EUR', '810.50'),
]


def basic_blocks_1():
    return [
        # an album: release, a recording with its work, a recording whose
        # record carries its work (AS02.01), usage lines of each
        row('RE01', 'B1', 'R0', 'rel-1001', '', 'CAT-1', '4012345678901',
            'Alice Adams', '', 'Common Ground', '', 'Album',
            'Commons Records'),
        row('AS01', 'B1', 'A1', 'res-2001', 'DEA122600001', 'Common Ground',
            '', 'Alice Adams', '', 'PT3M30S', 'SoundRecording'),
        row('MW01.01', 'B1', 'wrk-3001', 'T0345246801', 'Common Ground', '',
            'Alice Adams|Bob Brown'),
        row('AS02.01', 'B1', 'A2', 'res-2002', 'DEA122600002',
            'Rhine at Night (Remastered 2011)', '', 'Alice and the Amplifiers',
            '', 'PT4M5.6S', 'SoundRecording', 'T1234567894', 'Alice Adams'),
        row('SU02', 'B1', 'S1', 'T-1', '', 'A1', 'true', '1200', '0.0050'),
        row('SU02', 'B1', 'S2', 'T-2', '', 'A1', 'true', '800'),
        row('SU02', 'B1', 'S1', 'T-3', '', 'A2', 'true', '300'),
        # a single: a usage line naming the release of its one recording
        row('RE01', 'B2', 'R0', 'rel-1002', '', '', '', 'Commons Trio', '',
            'Pulse', '', 'Single'),
        row('AS01', 'B2', 'A1', 'res-2003', 'USRC17607839', 'Pulse', '',
            'Commons Trio', '', 'PT2M58S', 'SoundRecording'),
        row('SU02', 'B2', 'S1', 'T-4', 'R0', '', 'true', '5000'),
    ]


def basic_blocks_2():
    return [
        # no ISRC, no ISWC: matched by title and artist, or not at all
        row('AS01', 'B3', 'A1', 'res-2004', '', 'Mystery Jam', '',
            'Unknown Band', '', 'PT0H0M0S', 'SoundRecording'),
        row('MW01.01', 'B3', 'wrk-3004', '', 'Mystery Jam'),
        row('SU02', 'B3', 'S2', 'T-5', '', 'A1', 'false', '7'),
    ]


def basic_report():
    "The two files of the Basic Audio report: (name, lines) each"
    file1 = ([head('BasicAudioProfile', 'MSG-2026-06-DE', 1, 2, '2026-06-01',
            '2026-06-30', 'Premium')] + BASIC_HEAD_COMMENTS
        + BASIC_SUMMARIES + basic_blocks_1())
    file2 = ([head('BasicAudioProfile', 'MSG-2026-06-DE', 2, 2, '2026-06-01',
            '2026-06-30', 'Premium')] + basic_blocks_2())
    lines = len(file1) + 1 + len(file2) + 1
    file1.append(foot(file1, 2, 2))
    file2.append(foot(file2, 0, 1, report=(lines, 3)))
    return [(f'{BASIC}_1of2_20260705T101500.tsv.gz', file1),
        (f'{BASIC}_2of2_20260705T101500.tsv.gz', file2)]


def basic_single():
    "A one-file Basic Audio report, the base of the broken ones"
    lines = ([head('BasicAudioProfile', 'MSG-2026-06-DE-1', 1, 1,
            '2026-06', '2026-06', 'Premium')] + BASIC_SUMMARIES
        + basic_blocks_1())
    lines.append(foot(lines, 2, 2, report=(len(lines) + 1, 2)))
    return lines


def ugc_report():
    "A UGC report laid out as DDEX's sample UGC report"
    lines = [head('UgcProfile', 'MSG-UGC-2026-Q2', 1, 1, '2026-04-01',
            '2026-06-30', 'AdSupport'),
        row('#SU03.01', 'BlockId', 'SalesTransactionId', 'SummaryRecordId',
            'DspResourceId', 'Usages', 'NetRevenue', 'ValidityPeriodStart',
            'ValidityPeriodEnd'),
        row('SY02.01', '1', '', '', 'AdvertisementSupportedModel', 'Stream',
            'DE', 'AdSupport-music', '20000', '', 'EUR', '120.00',
            'ADO TEST SOCIETY', '', '12000', '0.0', '72.00',
            'PerformingRight'),
        row('AS01', '1', 'V1', 'V1', 'DEA122600001', 'Common Ground', '',
            'Alice Adams', '', 'PT3M30S', 'SoundRecording'),
        row('MW01.01', '1', 'W1', 'T0345246801', 'COMMON GROUND', '',
            'ALICE ADAMS'),
        row('RU01', '1', '1', 'vid-a|vid-b', '900|100'),
        row('SU03.01', '1', 'U1', '1', 'V1', '1000', '6.00', '20260401',
            '20260630'),
        row('LI01', '1', '1', 'ADO TEST SOCIETY', '', '', '1.0000',
            'PerformingRight', '6.00', '6.00'),
        row('AS01', '2', 'V2', 'V2', '', 'Overture in Grey \\| Live', '',
            'Bob Brown', '', 'PT4M', 'SoundRecording'),
        row('SU03.01', '2', 'U2', '1', 'V2', '250', '1.50'),
    ]
    lines.append(foot(lines, 1, 2, report=(len(lines) + 1, 2)))
    return lines


def broken(lines, number, cell, value):
    "`lines` with cell `cell` of line `number` (1 is the HEAD) set to `value`"
    lines = list(lines)
    cells = lines[number - 1].split('\t')
    cells[cell] = value
    lines[number - 1] = '\t'.join(cells)
    return lines


def write(name, lines, zipped=False):
    data = ('\n'.join(lines) + '\n').encode('utf-8')
    if zipped:
        data = gzip.compress(data, mtime=0)
    (OUT / name).write_bytes(data)


def main():
    for name, lines in basic_report():
        write(name, lines, zipped=True)
    single = basic_single()
    write(f'{BASIC}_1of1_20260705T101500.tsv', single)
    write(f'{UGC}_1of1_20260705T101500.tsv', ugc_report())
    # each kind of broken report, from the one-file Basic Audio report;
    # line 4 is the first block's RE01, 5 its AS01, 6 its MW01.01, 9 its
    # second usage line (SU02)
    write('wrong_foot_count.tsv', broken(single, len(single), 1,
        str(len(single) + 1)))
    write('bad_record_type.tsv', broken(single, 6, 0, 'MW02'))
    write('bad_isrc.tsv', broken(single, 5, 4, 'XXA122600001'))
    write('bad_number.tsv', broken(single, 9, 7, '12O0'))


if __name__ == '__main__':
    main()
