"""The record layouts of DSR 3.x flat files, as data: per profile, one
table per record type, one row per cell after the record type, as the
profile schemas list them (ddexnet/dsrf: schemas/BasicAudioProfile/1.1
and schemas/UgcProfile; the UGC layouts as DDEX's sample UGC report heads
its columns).

A row is (name, format, required): the format one of fields.FORMATS (A
text, M a multi-valued text kept as written, N a count, N* several counts,
I a whole number, DEC a decimal, B true/false, DATE and END a period's
first and last day, DT a date and time, DUR a duration, ISRC, ISWC, DPID,
CUR a currency, TERR a territory); required True where the schema has no
minOccurs="0". A record may leave off trailing cells that are not
required; more cells than its layout has refuse the report.

KINDS says what each record type is to the reader: the HEAD and FOOT, a
summary record (SY: one sales context, a territory, commercial model and
use type, with its revenue), a release, a resource (AS: a sound
recording), a musical work (MW), a usage line (SU: what is paid for) or
detail the reader checks and passes over (RU release usage, LI licensor).
"""

HEAD = (
    ('MessageVersion', 'A', True),
    ('Profile', 'A', True),
    ('ProfileVersion', 'A', True),
    ('MessageId', 'A', True),
    ('MessageCreatedDateTime', 'DT', True),
    ('FileNumber', 'N', True),
    ('NumberOfFiles', 'N', True),
    ('UsageStartDate', 'DATE', True),
    ('UsageEndDate', 'END', True),
    ('SenderPartyId', 'DPID', True),
    ('SenderName', 'A', True),
    ('ServiceDescription', 'A', False),
    ('RecipientPartyId', 'DPID', False),
    ('RecipientName', 'A', False),
    ('RepresentedRepertoire', 'M', False),
)

FOOT = (
    ('NumberOfLinesInFile', 'N', True),
    ('NumberOfLinesInReport', 'N', False),
    ('NumberOfSummaryRecords', 'N', True),
    ('NumberOfBlocksInFile', 'N', True),
    ('NumberOfBlocksInReport', 'N', False),
)

# the sales context every summary record starts with
_CONTEXT = (
    ('SummaryRecordId', 'A', True),
    ('DistributionChannel', 'A', False),
    ('DistributionChannelDPID', 'DPID', False),
    ('CommercialModel', 'A', True),
    ('UseType', 'A', True),
    ('Territory', 'TERR', True),
)

_ALLOCATED = (
    ('RightsController', 'A', False),
    ('RightsControllerPartyId', 'M', False),
    ('AllocatedUsages', 'M', False),
    ('AllocatedRevenue', 'M', False),
    ('AllocatedNetRevenue', 'DEC', False),
)

SY01 = _CONTEXT + (
    ('ServiceDescription', 'A', False),
    ('Usages', 'N', True),
    ('Subscribers', 'DEC', False),
    ('Currency', 'CUR', True),
    ('NetRevenue', 'DEC', True),
    ('IndirectNetRevenue', 'DEC', False),
)

SY02_01 = _CONTEXT + (
    ('ServiceDescription', 'A', False),
    ('Usages', 'N', True),
    ('Users', 'N', False),
    ('Currency', 'CUR', True),
    ('NetRevenue', 'DEC', True),
) + _ALLOCATED + (
    ('RightsType', 'A', False),
)

SY03 = _CONTEXT + (
    ('ServiceDescription', 'A', True),
    ('Usages', 'N', True),
    ('Subscribers', 'DEC', True),
    ('Currency', 'CUR', True),
    ('NetRevenue', 'DEC', True),
) + _ALLOCATED + (
    ('RightsControllerMarketShare', 'DEC', False),
    ('ConsumerPaidUnitPrice', 'DEC', True),
    ('FreeOrTrialSubscribers', 'DEC', True),
    ('ExchangeRateBaseCurrency', 'CUR', False),
    ('ExchangeRate', 'DEC', False),
)

SY04 = _CONTEXT + (
    ('ServiceDescription', 'A', True),
    ('SubscriberType', 'A', True),
    ('Subscribers', 'DEC', True),
    ('SubPeriodStartDate', 'DATE', False),
    ('SubPeriodEndDate', 'END', False),
    ('UsagesInSubPeriod', 'N', False),
    ('UsagesInReportingPeriod', 'N', False),
    ('Currency', 'CUR', True),
    ('ExchangeRateBaseCurrency', 'CUR', False),
    ('ExchangeRate', 'DEC', False),
    ('ConsumerPaidUnitPrice', 'DEC', True),
    ('NetRevenue', 'DEC', True),
)

SY05 = _CONTEXT + (
    ('ServiceDescription', 'A', False),
    ('RightsController', 'A', False),
    ('RightsControllerPartyId', 'M', False),
    ('RightsType', 'A', True),
    ('TotalUsages', 'N', False),
    ('AllocatedUsages', 'M', False),
    ('MusicUsageRatio', 'DEC', False),
    ('AllocatedRevenue', 'M', False),
    ('AllocatedNetRevenue', 'DEC', False),
    ('RightsControllerMarketShare', 'DEC', False),
)

RE01 = (
    ('BlockId', 'A', True),
    ('ReleaseReference', 'A', True),
    ('DspReleaseId', 'A', True),
    ('ProprietaryReleaseId', 'M', False),
    ('CatalogNumber', 'A', False),
    ('ICPN', 'A', False),
    ('DisplayArtistName', 'A', True),
    ('DisplayArtistPartyId', 'M', False),
    ('Title', 'A', True),
    ('SubTitle', 'A', False),
    ('ReleaseType', 'A', False),
    ('Label', 'A', False),
    ('PLine', 'A', False),
    ('DataProvider', 'A', False),
)

RE02 = (
    ('BlockId', 'A', True),
    ('ReleaseReference', 'A', True),
    ('DspSubReleaseId', 'A', True),
    ('ProprietarySubReleaseId', 'M', False),
    ('UsedResources', 'M', True),
)

AS01 = (
    ('BlockId', 'A', True),
    ('ResourceReference', 'A', True),
    ('DspResourceId', 'A', True),
    ('ISRC', 'ISRC', False),
    ('Title', 'A', True),
    ('SubTitle', 'A', False),
    ('DisplayArtistName', 'A', True),
    ('DisplayArtistPartyId', 'M', False),
    ('Duration', 'DUR', True),
    ('ResourceType', 'A', True),
)

_WRITERS = (
    ('ComposerAuthor', 'M', False),
    ('ComposerAuthorPartyId', 'M', False),
    ('Arranger', 'M', False),
    ('ArrangerPartyId', 'M', False),
    ('MusicPublisher', 'M', False),
    ('MusicPublisherPartyId', 'M', False),
    ('WorkContributor', 'M', False),
    ('WorkContributorPartyId', 'M', False),
)

# a sound recording with its musical work in one record
AS02_01 = AS01 + (('ISWC', 'ISWC', False),) + _WRITERS + (
    ('ProprietaryWorkId', 'M', False),
)

MW01_01 = (
    ('BlockId', 'A', True),
    ('DspWorkId', 'A', True),
    ('ISWC', 'ISWC', False),
    ('Title', 'A', True),
    ('SubTitle', 'A', False),
) + _WRITERS + (
    ('DataProvider', 'A', False),
    ('ProprietaryWorkId', 'M', False),
)

SU01 = (
    ('BlockId', 'A', True),
    ('SummaryRecordId', 'A', True),
    ('SalesTransactionId', 'A', True),
    ('TransactedRelease', 'A', False),
    ('TransactedResource', 'A', False),
    ('IsRoyaltyBearing', 'B', True),
    ('SalesUpgrade', 'B', True),
    ('Usages', 'N', True),
    ('Returns', 'N', True),
    ('PriceConsumerPaidExcSalesTax', 'DEC', False),
    ('PromotionalActivity', 'A', False),
)

SU02 = (
    ('BlockId', 'A', True),
    ('SummaryRecordId', 'A', True),
    ('SalesTransactionId', 'A', True),
    ('TransactedRelease', 'A', False),
    ('TransactedResource', 'A', False),
    ('IsRoyaltyBearing', 'B', False),
    ('Usages', 'N', True),      # the schema's NumberOfStreams
    ('PriceConsumerPaidExcSalesTax', 'DEC', False),
    ('PromotionalActivity', 'A', False),
)

# UGC: the uses of one resource in user-made videos (RU01), and what the
# resource earned (SU03.01), with who controls its work (LI01)
RU01 = (
    ('BlockId', 'A', True),
    ('SummaryRecordId', 'A', True),
    ('DspReleaseId', 'M', True),
    ('Usages', 'N*', True),
)

SU03_01 = (
    ('BlockId', 'A', True),
    ('SalesTransactionId', 'A', True),
    ('SummaryRecordId', 'A', True),
    ('TransactedResource', 'A', True),   # the schema's DspResourceId
    ('Usages', 'N', True),
    ('NetRevenue', 'DEC', True),
    ('ValidityPeriodStart', 'DATE', False),
    ('ValidityPeriodEnd', 'END', False),
)

LI01 = (
    ('BlockId', 'A', True),
    ('SummaryRecordId', 'A', True),
    ('RightsController', 'A', True),
    ('RightsControllerPartyId', 'M', False),
    ('RightsControllerWorkId', 'A', False),
    ('RightShare', 'DEC', False),
    ('RightType', 'A', False),
    ('AllocatedNetRevenue', 'DEC', False),
    ('AllocatedAmount', 'DEC', False),
)

KINDS = {
    'HEAD': 'head', 'FOOT': 'foot',
    'SY01': 'summary', 'SY02.01': 'summary', 'SY03': 'summary',
    'SY04': 'summary', 'SY05': 'summary',
    'RE01': 'release', 'RE02': 'release',
    'AS01': 'resource', 'AS02.01': 'resource', 'MW01.01': 'work',
    'SU01': 'usage', 'SU02': 'usage', 'SU03.01': 'usage',
    'RU01': 'detail', 'LI01': 'detail',
}

# Profile (as HEAD names it, in lower case) -> its record types
PROFILES = {
    'basicaudioprofile': {
        'HEAD': HEAD, 'FOOT': FOOT, 'SY01': SY01, 'SY02.01': SY02_01,
        'SY03': SY03, 'SY04': SY04, 'SY05': SY05, 'RE01': RE01,
        'RE02': RE02, 'AS01': AS01, 'AS02.01': AS02_01,
        'MW01.01': MW01_01, 'SU01': SU01, 'SU02': SU02,
    },
    'ugcprofile': {
        'HEAD': HEAD, 'FOOT': FOOT, 'SY02.01': SY02_01, 'AS01': AS01,
        'MW01.01': MW01_01, 'RU01': RU01, 'SU03.01': SU03_01,
        'LI01': LI01,
    },
}

PROFILE_NAMES = {'basicaudioprofile': 'Basic Audio', 'ugcprofile': 'UGC'}
