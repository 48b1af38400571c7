"""One usage line of a report, as ado stores it: what was used (the
resource and its work, as the block describes them), how often, where, in
which sales context, and what it earned where the profile says so."""
from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Usage:
    file: str
    line: int
    record_type: str            # SU01, SU02, SU03.01
    block_id: str
    summary_record_id: str
    sales_transaction_id: str
    usages: int
    # the line's own revenue: NetRevenue (UGC SU03.01); Basic Audio
    # reports revenue per summary record, and a price per line at most
    revenue: Decimal = None
    price: Decimal = None       # PriceConsumerPaidExcSalesTax
    # the sales context, from the summary record
    commercial_model: str = None
    use_type: str = None
    territory: str = None
    currency: str = None
    service_description: str = None
    # the resource (AS01/AS02.01) and its first musical work
    resource_type: str = None
    service_resource_id: str = None     # DspResourceId
    isrc: str = None
    title: str = None
    artist: str = None
    duration: int = None        # seconds
    service_work_id: str = None  # DspWorkId
    iswc: str = None
    work_title: str = None
    # the release, for a usage line that names no resource
    service_release_id: str = None


def context(summary):
    "The fields a usage line takes from its summary record"
    return {
        'commercial_model': summary['CommercialModel'],
        'use_type': summary['UseType'],
        'territory': summary['Territory'],
        'currency': summary.get('Currency'),
        'service_description': summary.get('ServiceDescription'),
    }


def resource(record):
    "The fields a usage line takes from its resource record"
    return {
        'resource_type': record['ResourceType'],
        'service_resource_id': record['DspResourceId'],
        'isrc': record.get('ISRC'),
        'title': record['Title'],
        'artist': record['DisplayArtistName'],
        'duration': record['Duration'],
        'iswc': record.get('ISWC'),
        'service_work_id': None,
        'work_title': None,
    }


def work(record):
    "The fields a usage line takes from the first work of its resource"
    return {
        'service_work_id': record['DspWorkId'],
        'iswc': record.get('ISWC'),
        'work_title': record['Title'],
    }


def release(record):
    "The fields of a usage line that names a release and no resource"
    return {
        'title': record.get('Title'),
        'artist': record.get('DisplayArtistName'),
        'service_release_id': record.get('DspReleaseId')
            or record.get('DspSubReleaseId'),
    }
