"""The record layouts of CWR 2.1 and 2.2, as data: one table per record
type, one row per field, as the specification prints them.

A row is (name, start, size, format, required, rejects, edit):

- start and size as in the specification (the first position is 1);
- format: A text, N number, S share (N 999v99: 05000 is 50.00 %), D date
  (YYYYMMDD), T time of day (HHMMSS), P duration (HHMMSS), B yes/no, F flag
  (yes/no/unknown), L:<table> a code of lookups.py, SOC a society code,
  TIS a territory code, ISWC, IPI (name number), IPIB (base number), ISRC;
  X a constant or filler, not read;
- required: M mandatory, C conditional (checks.py), O optional;
- rejects: what an invalid value rejects, as the specification's edit
  says: E the entire file, T the transaction, R the record, F the field
  (replaced by its default);
- edit: the number of that field's edit in the specification's list for
  the record type, which the ACK's MSG record names.

Version 2.2 appends fields to some records (ADDED_22); a 2.2 record may
leave off the added optional ones, since many 2.2 writers send the 2.1
records unchanged.
"""
from dataclasses import field, make_dataclass

# Transaction headers and detail records start with this prefix; the
# control records (HDR, GRH, GRT, TRL) only with their record type.
PREFIX = (
    ('record_type', 1, 3, 'A', 'M', 'E', 1),
    ('transaction_sequence', 4, 8, 'N', 'M', 'E', 2),
    ('record_sequence', 12, 8, 'N', 'M', 'E', 5),
)

CONTROL = {
    'HDR': (
        ('record_type', 1, 3, 'A', 'M', 'E', 1),
        ('sender_type', 4, 2, 'A', 'M', 'E', 2),
        ('sender_id', 6, 9, 'N', 'M', 'E', 3),
        ('sender_name', 15, 45, 'A', 'M', 'E', 5),
        ('edi_version', 60, 5, 'A', 'M', 'E', 9),
        ('creation_date', 65, 8, 'D', 'M', 'E', 10),
        ('creation_time', 73, 6, 'T', 'M', 'E', 10),
        ('transmission_date', 79, 8, 'D', 'M', 'E', 11),
        ('character_set', 87, 15, 'A', 'O', 'E', 14),
    ),
    'GRH': (
        ('record_type', 1, 3, 'A', 'M', 'E', 1),
        ('transaction_type', 4, 3, 'L:transaction_type', 'M', 'E', 1),
        ('group_id', 7, 5, 'N', 'M', 'E', 2),
        ('version_number', 12, 5, 'A', 'M', 'E', 4),
        ('batch_request', 17, 10, 'N', 'O', 'E', 0),
        ('submission_distribution_type', 27, 2, 'A', 'O', 'E', 0),
    ),
    'GRT': (
        ('record_type', 1, 3, 'A', 'M', 'E', 1),
        ('group_id', 4, 5, 'N', 'M', 'E', 1),
        ('transaction_count', 9, 8, 'N', 'M', 'E', 2),
        ('record_count', 17, 8, 'N', 'M', 'E', 3),
        # "not used for CWR"
        ('currency_indicator', 25, 3, 'A', 'O', 'E', 4),
        ('total_monetary_value', 28, 10, 'N', 'O', 'E', 4),
    ),
    'TRL': (
        ('record_type', 1, 3, 'A', 'M', 'E', 1),
        ('group_count', 4, 5, 'N', 'M', 'E', 1),
        ('transaction_count', 9, 8, 'N', 'M', 'E', 2),
        ('record_count', 17, 8, 'N', 'M', 'E', 3),
    ),
}

WORK = (
    ('work_title', 20, 60, 'A', 'M', 'T', 1),
    ('language_code', 80, 2, 'L:language', 'O', 'T', 2),
    ('submitter_work_number', 82, 14, 'A', 'M', 'T', 3),
    ('iswc', 96, 11, 'ISWC', 'O', 'F', 4),
    ('copyright_date', 107, 8, 'D', 'O', 'F', 5),
    ('copyright_number', 115, 12, 'A', 'O', 'F', 0),
    ('musical_work_distribution_category', 127, 3,
        'L:musical_work_distribution_category', 'M', 'T', 6),
    ('duration', 130, 6, 'P', 'C', 'F', 8),
    ('recorded_indicator', 136, 1, 'F', 'M', 'F', 9),
    ('text_music_relationship', 137, 3, 'L:text_music_relationship',
        'O', 'F', 10),
    ('composite_type', 140, 3, 'L:composite_type', 'O', 'F', 11),
    ('version_type', 143, 3, 'L:version_type', 'M', 'T', 12),
    ('excerpt_type', 146, 3, 'L:excerpt_type', 'O', 'F', 13),
    ('music_arrangement', 149, 3, 'L:music_arrangement', 'C', 'T', 22),
    ('lyric_adaptation', 152, 3, 'L:lyric_adaptation', 'C', 'T', 23),
    ('contact_name', 155, 30, 'A', 'O', 'F', 0),
    ('contact_id', 185, 10, 'A', 'O', 'F', 0),
    ('cwr_work_type', 195, 2, 'L:work_type', 'O', 'F', 17),
    ('grand_rights_indicator', 197, 1, 'B', 'C', 'F', 16),
    ('composite_component_count', 198, 3, 'N', 'C', 'T', 20),
    ('printed_edition_publication_date', 201, 8, 'D', 'O', 'F', 0),
    ('exceptional_clause', 209, 1, 'F', 'O', 'F', 0),
    ('opus_number', 210, 25, 'A', 'O', 'F', 0),
    ('catalogue_number', 235, 25, 'A', 'O', 'F', 0),
    ('priority_flag', 260, 1, 'F', 'O', 'F', 0),
)

ACK = (
    ('creation_date', 20, 8, 'D', 'M', 'T', 1),
    ('creation_time', 28, 6, 'T', 'M', 'T', 1),
    ('original_group_id', 34, 5, 'N', 'M', 'T', 2),
    ('original_transaction_sequence', 39, 8, 'N', 'M', 'T', 2),
    ('original_transaction_type', 47, 3, 'A', 'M', 'T', 3),
    ('creation_title', 50, 60, 'A', 'C', 'T', 9),
    ('submitter_creation_number', 110, 20, 'A', 'C', 'T', 5),
    ('recipient_creation_number', 130, 20, 'A', 'C', 'T', 6),
    ('processing_date', 150, 8, 'D', 'M', 'T', 7),
    ('transaction_status', 158, 2, 'L:transaction_status', 'M', 'T', 8),
)

MSG = (
    ('message_type', 20, 1, 'L:message_type', 'M', 'T', 1),
    ('original_record_sequence', 21, 8, 'N', 'M', 'T', 2),
    ('original_record_type', 29, 3, 'A', 'M', 'T', 5),
    ('message_level', 32, 1, 'L:message_level', 'M', 'T', 3),
    ('validation_number', 33, 3, 'A', 'M', 'T', 6),
    ('message_text', 36, 150, 'A', 'M', 'T', 4),
)

PUBLISHER = (
    ('publisher_sequence', 20, 2, 'N', 'M', 'T', 1),
    ('interested_party_number', 22, 9, 'A', 'M', 'T', 2),
    ('publisher_name', 31, 45, 'A', 'M', 'T', 4),
    ('publisher_unknown', 76, 1, 'F', 'C', 'F', 8),
    ('publisher_type', 77, 2, 'L:publisher_type', 'M', 'T', 6),
    ('tax_id', 79, 9, 'A', 'O', 'F', 23),
    ('publisher_ipi_name_number', 88, 11, 'IPI', 'C', 'F', 10),
    ('submitter_agreement_number', 99, 14, 'A', 'O', 'F', 11),
    ('pr_society', 113, 3, 'SOC', 'C', 'F', 12),
    ('pr_share', 116, 5, 'S', 'C', 'T', 13),
    ('mr_society', 121, 3, 'SOC', 'C', 'F', 15),
    ('mr_share', 124, 5, 'S', 'C', 'T', 16),
    ('sr_society', 129, 3, 'SOC', 'C', 'F', 17),
    ('sr_share', 132, 5, 'S', 'C', 'T', 18),
    ('special_agreements', 137, 1, 'L:special_agreement', 'O', 'F', 20),
    ('first_recording_refusal', 138, 1, 'F', 'O', 'F', 21),
    ('_filler', 139, 1, 'X', 'O', 'F', 0),
    ('publisher_ipi_base_number', 140, 13, 'IPIB', 'O', 'F', 24),
    ('international_standard_agreement_code', 153, 14, 'A', 'O', 'F', 25),
    ('society_assigned_agreement_number', 167, 14, 'A', 'O', 'F', 26),
    ('agreement_type', 181, 2, 'L:agreement_type', 'O', 'F', 30),
    ('usa_license', 183, 1, 'L:usa_license', 'O', 'F', 31),
)

PUBLISHER_TERRITORY = (
    ('interested_party_number', 20, 9, 'A', 'M', 'T', 2),
    ('_constant', 29, 6, 'X', 'M', 'T', 0),
    ('pr_collection_share', 35, 5, 'S', 'C', 'T', 6),
    ('mr_collection_share', 40, 5, 'S', 'C', 'T', 7),
    ('sr_collection_share', 45, 5, 'S', 'C', 'T', 8),
    ('inclusion_exclusion', 50, 1, 'L:inclusion_exclusion', 'M', 'T', 10),
    ('tis_code', 51, 4, 'TIS', 'M', 'T', 9),
    ('shares_change', 55, 1, 'B', 'O', 'F', 11),
    ('sequence_number', 56, 3, 'N', 'M', 'R', 12),
)

WRITER = (
    ('interested_party_number', 20, 9, 'A', 'M', 'T', 1),
    ('writer_last_name', 29, 45, 'A', 'M', 'T', 3),
    ('writer_first_name', 74, 30, 'A', 'O', 'T', 30),
    ('writer_unknown', 104, 1, 'F', 'C', 'F', 5),
    ('writer_designation', 105, 2, 'L:writer_designation', 'M', 'T', 8),
    ('tax_id', 107, 9, 'A', 'O', 'F', 21),
    ('writer_ipi_name_number', 116, 11, 'IPI', 'O', 'F', 9),
    ('pr_society', 127, 3, 'SOC', 'O', 'F', 10),
    ('pr_share', 130, 5, 'S', 'O', 'T', 11),
    ('mr_society', 135, 3, 'SOC', 'O', 'F', 12),
    ('mr_share', 138, 5, 'S', 'O', 'T', 13),
    ('sr_society', 143, 3, 'SOC', 'O', 'F', 14),
    ('sr_share', 146, 5, 'S', 'O', 'T', 15),
    ('reversionary', 151, 1, 'F', 'O', 'F', 16),
    ('first_recording_refusal', 152, 1, 'B', 'O', 'F', 17),
    ('work_for_hire', 153, 1, 'B', 'O', 'F', 18),
    ('_filler', 154, 1, 'X', 'O', 'F', 0),
    ('writer_ipi_base_number', 155, 13, 'IPIB', 'O', 'F', 22),
    ('personal_number', 168, 12, 'N', 'O', 'F', 0),
    ('usa_license', 180, 1, 'L:usa_license', 'O', 'F', 24),
)

WRITER_TERRITORY = (
    ('interested_party_number', 20, 9, 'A', 'C', 'T', 2),
    ('pr_collection_share', 29, 5, 'S', 'O', 'T', 3),
    ('mr_collection_share', 34, 5, 'S', 'O', 'T', 4),
    ('sr_collection_share', 39, 5, 'S', 'O', 'T', 5),
    ('inclusion_exclusion', 44, 1, 'L:inclusion_exclusion', 'M', 'T', 7),
    ('tis_code', 45, 4, 'TIS', 'M', 'T', 6),
    ('shares_change', 49, 1, 'B', 'O', 'F', 8),
    ('sequence_number', 50, 3, 'N', 'M', 'R', 9),
)

PUBLISHER_FOR_WRITER = (
    ('publisher_ip_number', 20, 9, 'A', 'C', 'T', 9),
    ('publisher_name', 29, 45, 'A', 'C', 'F', 13),
    ('submitter_agreement_number', 74, 14, 'A', 'O', 'F', 3),
    ('society_assigned_agreement_number', 88, 14, 'A', 'O', 'F', 4),
    ('writer_ip_number', 102, 9, 'A', 'C', 'T', 11),
)

ALTERNATE_TITLE = (
    ('alternate_title', 20, 60, 'A', 'M', 'R', 1),
    ('title_type', 80, 2, 'L:title_type', 'M', 'F', 2),
    ('language_code', 82, 2, 'L:language', 'C', 'R', 3),
)

# EWT (the entire work of an excerpt) and VER (the original of a version)
OTHER_WORK = (
    ('title', 20, 60, 'A', 'M', 'R', 1),
    ('iswc', 80, 11, 'ISWC', 'O', 'F', 2),
    ('language_code', 91, 2, 'L:language', 'O', 'F', 3),
    ('writer_1_last_name', 93, 45, 'A', 'O', 'F', 10),
    ('writer_1_first_name', 138, 30, 'A', 'O', 'F', 11),
    ('source', 168, 60, 'A', 'O', 'F', 0),
    ('writer_1_ipi_name_number', 228, 11, 'IPI', 'O', 'F', 4),
    ('writer_1_ipi_base_number', 239, 13, 'IPIB', 'O', 'F', 6),
    ('writer_2_last_name', 252, 45, 'A', 'O', 'F', 12),
    ('writer_2_first_name', 297, 30, 'A', 'O', 'F', 13),
    ('writer_2_ipi_name_number', 327, 11, 'IPI', 'O', 'F', 5),
    ('writer_2_ipi_base_number', 338, 13, 'IPIB', 'O', 'F', 7),
    ('submitter_work_number', 351, 14, 'A', 'O', 'F', 8),
)

PERFORMING_ARTIST = (
    ('performing_artist_last_name', 20, 45, 'A', 'M', 'R', 1),
    ('performing_artist_first_name', 65, 30, 'A', 'O', 'R', 5),
    ('performing_artist_ipi_name_number', 95, 11, 'IPI', 'O', 'F', 2),
    ('performing_artist_ipi_base_number', 106, 13, 'IPIB', 'O', 'F', 3),
)

RECORDING = (
    ('release_date', 20, 8, 'D', 'O', 'F', 2),
    ('_constant', 28, 60, 'X', 'O', 'F', 0),
    ('release_duration', 88, 6, 'P', 'O', 'F', 3),
    ('_constant_2', 94, 5, 'X', 'O', 'F', 0),
    ('album_title', 99, 60, 'A', 'O', 'F', 15),
    ('album_label', 159, 60, 'A', 'O', 'F', 0),
    ('release_catalog_number', 219, 18, 'A', 'O', 'F', 0),
    ('ean', 237, 13, 'A', 'O', 'F', 9),
    ('isrc', 250, 12, 'ISRC', 'O', 'F', 10),
    ('recording_format', 262, 1, 'L:recording_format', 'O', 'F', 11),
    ('recording_technique', 263, 1, 'L:recording_technique', 'O', 'F', 12),
    ('media_type', 264, 3, 'L:media_type', 'O', 'F', 14),
)

WORK_ORIGIN = (
    ('intended_purpose', 20, 3, 'L:intended_purpose', 'M', 'R', 1),
    ('production_title', 23, 60, 'A', 'C', 'R', 11),
    ('cd_identifier', 83, 15, 'A', 'C', 'R', 4),
    ('cut_number', 98, 4, 'N', 'O', 'F', 5),
    ('library', 102, 60, 'A', 'C', 'R', 10),
    ('bltvr', 162, 1, 'A', 'O', 'F', 6),
    ('_filler', 163, 25, 'X', 'O', 'F', 0),
    ('production_number', 188, 12, 'A', 'O', 'F', 0),
    ('episode_title', 200, 60, 'A', 'O', 'F', 12),
    ('episode_number', 260, 20, 'A', 'O', 'F', 0),
    ('year_of_production', 280, 4, 'N', 'O', 'F', 8),
    ('avi_society_code', 284, 3, 'A', 'O', 'F', 9),
    ('audio_visual_number', 287, 15, 'A', 'O', 'F', 9),
)

ADDITIONAL_INFORMATION = (
    ('society_code', 20, 3, 'A', 'M', 'R', 1),
    ('work_number', 23, 14, 'A', 'C', 'R', 0),
    ('type_of_right', 37, 3, 'L:type_of_right', 'M', 'R', 2),
    ('subject_code', 40, 2, 'A', 'C', 'R', 3),
    ('note', 42, 160, 'A', 'C', 'R', 0),
)

CROSS_REFERENCE = (
    ('organisation_code', 20, 3, 'A', 'M', 'R', 1),
    ('identifier', 23, 14, 'A', 'M', 'R', 0),
    ('identifier_type', 37, 1, 'L:identifier_type', 'M', 'R', 2),
    ('validity', 38, 1, 'F', 'M', 'R', 3),
)


def _controlled(layout, *names):
    """An 'other' (not controlled) party's layout is the controlled one's,
    but the fields the specification requires only of the controlled
    party (SPU, SWR: "C" there, written M above) are optional."""
    return tuple(
        (name, start, size, fmt, 'O' if name in names else req, rejects,
            edit)
        for name, start, size, fmt, req, rejects, edit in layout)


# the body of each transaction header and detail record (after PREFIX)
BODIES = {
    'NWR': WORK, 'REV': WORK, 'ISW': WORK, 'EXC': WORK,
    'ACK': ACK, 'MSG': MSG,
    'SPU': PUBLISHER,
    'OPU': _controlled(PUBLISHER, 'interested_party_number',
        'publisher_name', 'publisher_type'),
    'SPT': PUBLISHER_TERRITORY, 'OPT': PUBLISHER_TERRITORY,
    'SWR': WRITER,
    'OWR': _controlled(WRITER, 'interested_party_number',
        'writer_last_name', 'writer_designation'),
    'SWT': WRITER_TERRITORY, 'OWT': WRITER_TERRITORY,
    'PWR': PUBLISHER_FOR_WRITER,
    'ALT': ALTERNATE_TITLE,
    'EWT': OTHER_WORK, 'VER': OTHER_WORK,
    'PER': PERFORMING_ARTIST,
    'REC': RECORDING,
    'ORN': WORK_ORIGIN,
    'ARI': ADDITIONAL_INFORMATION,
    'XRF': CROSS_REFERENCE,
}

# fields 2.2 appends
ADDED_22 = {
    'HDR': (
        ('version', 102, 3, 'A', 'O', 'E', 15),
        ('revision', 105, 3, 'N', 'O', 'E', 16),
        ('software_package', 108, 30, 'A', 'O', 'E', 0),
        ('software_package_version', 138, 30, 'A', 'O', 'E', 0),
    ),
    'PWR': (
        ('publisher_sequence', 111, 2, 'N', 'M', 'T', 7),
    ),
    'REC': (
        ('recording_title', 267, 60, 'A', 'O', 'T', 16),
        ('version_title', 327, 60, 'A', 'O', 'T', 17),
        ('display_artist', 387, 60, 'A', 'O', 'F', 0),
        ('record_label', 447, 60, 'A', 'O', 'F', 0),
        ('isrc_validity', 507, 20, 'A', 'C', 'R', 18),
        ('submitter_recording_identifier', 527, 14, 'A', 'O', 'R', 19),
    ),
    'ORN': (
        ('isan', 302, 12, 'A', 'O', 'F', 14),
        ('isan_episode', 314, 4, 'A', 'O', 'F', 14),
        ('isan_check_1', 318, 1, 'A', 'O', 'F', 14),
        ('isan_version', 319, 8, 'A', 'O', 'F', 14),
        ('isan_check_2', 327, 1, 'A', 'O', 'F', 14),
        ('eidr', 328, 20, 'A', 'O', 'F', 15),
        ('eidr_check', 348, 1, 'A', 'O', 'F', 15),
    ),
}

# The optional GRT fields are "not used for CWR", and files leave them off.
SHORTEST = {'GRT': 24}

TRANSACTION_TYPES = frozenset({'AGR', 'NWR', 'REV', 'ISW', 'EXC', 'ACK'})
# every detail record type of the specification; those without a layout
# above (agreements, non-Roman names, instrumentation, components) are
# kept as they came, unread
DETAIL_TYPES = frozenset({
    'TER', 'IPA', 'NPA', 'SPU', 'NPN', 'SPT', 'OPT', 'OPU', 'SWR', 'NWN',
    'SWT', 'OWT', 'PWR', 'OWR', 'ALT', 'NAT', 'EWT', 'NET', 'VER', 'NVT',
    'PER', 'NPR', 'REC', 'ORN', 'INS', 'IND', 'COM', 'NCT', 'NOW', 'MSG',
    'ARI', 'XRF'})


def _layouts(version):
    layouts = dict(CONTROL)
    layouts.update((record_type, PREFIX + body)
        for record_type, body in BODIES.items())
    if version == '2.2':
        for record_type, added in ADDED_22.items():
            layouts[record_type] = layouts[record_type] + added
    return layouts


LAYOUTS = {version: _layouts(version) for version in ('2.1', '2.2')}


def length(layout):
    "The length of a record written with every field of `layout`"
    _, start, size, *_ = layout[-1]
    return start + size - 1


def shortest(record_type, version):
    """The length a record must have at least: the whole 2.1 record (the
    specification rejects the file for a wrong record length), and in 2.2
    the added fields up to the last mandatory one."""
    if record_type in SHORTEST:
        return SHORTEST[record_type]
    base = length(LAYOUTS['2.1'][record_type])
    required = [field for field in ADDED_22.get(record_type, ())
        if version == '2.2' and field[4] == 'M']
    return max([base] + [length([field]) for field in required])


def _record_class(record_type):
    "A plain dataclass of every field the record type has in any version"
    names = [name for name, start, size, fmt, *_ in LAYOUTS['2.2'][record_type]
        if fmt != 'X']
    return make_dataclass(record_type, [(name, object, field(default=None))
        for name in ['line'] + names])


CLASSES = {record_type: _record_class(record_type)
    for record_type in LAYOUTS['2.2']}
