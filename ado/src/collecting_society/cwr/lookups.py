"""The code lists of CISAC's "CWR Validation and Lookup Tables" that a
field of format L is checked against.

Society codes and TIS territories are long lists that change often; they
are checked for their form (3 and 4 digits) only, and the society's own
reference data decides whether a code is known.
"""

TABLES = {
    'sender_type': 'PB SO AA WR',
    'transaction_type': 'AGR NWR REV ISW EXC ACK',
    'musical_work_distribution_category': 'JAZ POP SER UNC',
    'version_type': 'MOD ORI',
    'text_music_relationship': 'MUS MTX TXT',
    'composite_type': 'COS MED POT UCO',
    'excerpt_type': 'MOV UEX',
    'music_arrangement': 'ADM ARR NEW ORI UNS',
    'lyric_adaptation': 'ADL MOD NEW NON ORI REP TRA UNS',
    'work_type': 'AC AL AM AR BD BG BL CC CD CL CT DN FK FM JG JZ LA LN NA '
        'OP PK PP RB RK RP SD SG SY TA',
    'publisher_type': 'AQ AM PA E ES SE',
    'writer_designation': 'A AD AR C CA PA SA SR TR',
    'special_agreement': 'B L N R U Y',
    'agreement_type': 'OG OS PG PS',
    'usa_license': 'A B S',
    'inclusion_exclusion': 'I E',
    'title_type': 'AL AT ET FT IT OL OT PT RT TE TT',
    'recording_format': 'A V',
    'recording_technique': 'A D U',
    'media_type': 'CD CD2 CDM CDS CE CE2 CEP CES CXM CXS DC DC2 DL DM DMC '
        'DS DV1 DV2 DV3 DV4 DW EMC EP EPM LP LP2 LP3 LP4 MC MC2 MC3 MC4 MCP '
        'MD MD2 MDP MDR MDS MLP MMC RCD RCE RDS RMC RMS S SA SA2 SCD SM2 SMC',
    'intended_purpose': 'COM FIL GEN LIB MUL RAD TEL THR VID',
    'type_of_right': 'ALL MEC PER SYN',
    'identifier_type': 'W R P V',
    'transaction_status': 'AC AS CO CR DU NP RA RC RJ SR',
    'message_type': 'E G T R F',
    'message_level': 'E G T R F',
    # ISO 639-1 as the CWR table lists it (with its older codes IN, IW, JI)
    'language': 'AA AB AF AM AR AS AY AZ BA BE BG BH BI BN BO BR CA CO CS '
        'CY DA DE DZ EL EN EO ES ET EU FA FI FJ FO FR FY GA GD GL GN GU HA '
        'HI HR HU HW HY IA IE IK IN IS IT IW JA JI JW KA KK KL KM KN KO KS '
        'KU KY LA LN LO LT LV MG MI MK ML MN MO MR MS MT MY NA ND NE NL NO '
        'NS OC OM OR PA PL PM PS PT QU RM RN RO RU RW SA SD SG SH SI SK SL '
        'SM SN SO SQ SR SS ST SU SV SW TA TE TG TH TI TK TL TN TO TR TS TT '
        'TW UK UR UZ VE VI VO WO XH YO ZH ZU',
}

CODES = {name: frozenset(codes.split()) for name, codes in TABLES.items()}
