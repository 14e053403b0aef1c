"""Gazetteers: general lists of titles, government bodies, places and collective actors.

These are real, general lists (US federal and state bodies, armed forces, courts, world
ministries and common titles) and never names taken from a particular article.
"""
from __future__ import annotations

# --------------------------------------------------------------------------------------
# Government bodies. Canonical name -> aliases (acronyms and common variants). A leading
# country prefix ("US", "U.S.", "United States") is optional on every entry.
# --------------------------------------------------------------------------------------
AGENCIES: dict[str, list[str]] = {
    # US executive departments
    "Department of Justice": ["Justice Department", "DOJ", "Justice Dept"],
    "Department of State": ["State Department", "State Dept"],
    "Department of the Treasury": ["Treasury Department", "Treasury", "Department of Treasury"],
    "Department of Defense": ["Defense Department", "DOD", "DoD", "Pentagon", "Department of War", "War Department"],
    "Department of the Interior": ["Interior Department", "Department of Interior"],
    "Department of Agriculture": ["Agriculture Department", "USDA"],
    "Department of Commerce": ["Commerce Department"],
    "Department of Labor": ["Labor Department"],
    "Department of Health and Human Services": ["Health and Human Services", "HHS", "Department of Health and Human Services"],
    "Department of Housing and Urban Development": ["HUD", "Housing Department"],
    "Department of Transportation": ["Transportation Department", "DOT"],
    "Department of Energy": ["Energy Department", "DOE"],
    "Department of Education": ["Education Department"],
    "Department of Veterans Affairs": ["Veterans Affairs", "VA"],
    "Department of Homeland Security": ["Homeland Security", "Homeland Security Department", "DHS"],
    # US federal agencies, services and offices
    "Immigration and Customs Enforcement": ["ICE", "Immigration & Customs Enforcement"],
    "Customs and Border Protection": ["CBP", "Customs & Border Protection"],
    # units of DHS components
    "Enforcement and Removal Operations": ["ERO"],
    "Homeland Security Investigations": ["HSI"],
    "Office of Field Operations": [],
    "Office of Refugee Resettlement": ["ORR"],
    "Border Patrol": [],
    "Citizenship and Immigration Services": ["USCIS"],
    "Federal Bureau of Investigation": ["FBI"],
    "Central Intelligence Agency": ["CIA"],
    "National Security Agency": ["NSA"],
    "Drug Enforcement Administration": ["DEA"],
    "Bureau of Alcohol, Tobacco, Firearms and Explosives": ["ATF"],
    "Marshals Service": ["US Marshals", "U.S. Marshals", "Marshals"],
    "Secret Service": [],
    "Bureau of Prisons": ["BOP"],
    "Transportation Security Administration": ["TSA"],
    "Federal Emergency Management Agency": ["FEMA"],
    "Coast Guard": [],
    "Environmental Protection Agency": ["EPA"],
    "Food and Drug Administration": ["FDA"],
    "Centers for Disease Control and Prevention": ["CDC", "Centers for Disease Control"],
    "National Institutes of Health": ["NIH"],
    "Federal Trade Commission": ["FTC"],
    "Federal Communications Commission": ["FCC"],
    "Securities and Exchange Commission": ["SEC"],
    "Commodity Futures Trading Commission": ["CFTC"],
    "National Transportation Safety Board": ["NTSB"],
    "Federal Aviation Administration": ["FAA"],
    "National Highway Traffic Safety Administration": ["NHTSA"],
    "Occupational Safety and Health Administration": ["OSHA"],
    "National Labor Relations Board": ["NLRB"],
    "Internal Revenue Service": ["IRS"],
    "Federal Reserve": ["Fed", "Federal Reserve Board"],
    "Government Accountability Office": ["GAO"],
    "Office of Management and Budget": ["OMB"],
    "Census Bureau": [],
    "National Aeronautics and Space Administration": ["NASA"],
    "National Oceanic and Atmospheric Administration": ["NOAA"],
    "National Weather Service": [],
    "Postal Service": ["USPS"],
    "Social Security Administration": [],
    "Office of the Director of National Intelligence": ["ODNI"],
    "Defense Intelligence Agency": ["DIA"],
    "Nuclear Regulatory Commission": ["NRC"],
    "Federal Energy Regulatory Commission": ["FERC"],
    "Consumer Financial Protection Bureau": ["CFPB"],
    "Federal Deposit Insurance Corporation": ["FDIC"],
    "Office of the Comptroller of the Currency": ["OCC"],
    "Office of Personnel Management": ["OPM"],
    "Agency for International Development": ["USAID"],
    "Department of Government Efficiency": ["DOGE"],
    "National Park Service": [],
    "Forest Service": [],
    "Bureau of Land Management": [],
    "Army Corps of Engineers": [],
    "Federal Election Commission": ["FEC"],
    "Office of Foreign Assets Control": ["OFAC"],
    "Federal Housing Finance Agency": ["FHFA"],
    "Small Business Administration": ["SBA"],
    "Department of Motor Vehicles": ["DMV"],
    # armed forces
    "Army": ["US Army", "U.S. Army"],
    "Navy": ["US Navy", "U.S. Navy"],
    "Air Force": ["US Air Force", "U.S. Air Force"],
    "Marine Corps": ["Marines", "US Marine Corps"],
    "Space Force": [],
    "National Guard": ["Guard", "Army National Guard", "Air National Guard"],
    "Joint Chiefs of Staff": ["Joint Chiefs"],
    # legislatures, courts and the executive office
    "Congress": ["US Congress", "U.S. Congress"],
    "Senate": ["US Senate", "U.S. Senate"],
    "House of Representatives": ["House", "US House", "U.S. House"],
    "Supreme Court": ["US Supreme Court", "U.S. Supreme Court", "high court"],
    # the largest US city and state police forces, known by their initials
    "New York City Police Department": ["NYPD", "New York Police Department"],
    "Los Angeles Police Department": ["LAPD"],
    "Los Angeles County Sheriff's Department": ["LASD"],
    "California Highway Patrol": ["CHP"],
    # world bodies that act as governments' arms
    "European Commission": [],
    "European Parliament": [],
    "Council of the European Union": [],
    "Interpol": [],
    "Europol": [],
    "Metropolitan Police": ["Met Police", "Scotland Yard"],
    "Royal Canadian Mounted Police": ["RCMP"],
    "Ministry of Defence": ["MoD"],
    "Home Office": [],
    "Foreign Office": ["Foreign, Commonwealth and Development Office", "FCDO"],
    "Kremlin": [],
    "People's Liberation Army": ["PLA"],
    "Bundeswehr": [],
    "Bundestag": [],
    "Knesset": [],
    "Israel Defense Forces": ["IDF"],
    "Islamic Revolutionary Guard Corps": ["IRGC", "Revolutionary Guard Corps", "Revolutionary Guards"],
    "Quds Force": [],
    "Duma": ["State Duma"],
}

#: Canonical names of US federal bodies, so "US X" and "X" resolve to one node.
COUNTRY_PREFIXES = ("us", "u s", "united states", "american", "federal")

#: Named intergovernmental and non-government bodies that NER often mistypes.
ORGANIZATIONS: dict[str, list[str]] = {
    "United Nations": ["UN", "U.N."],
    "North Atlantic Treaty Organization": ["NATO", "Nato"],
    "World Health Organization": ["WHO"],
    "International Monetary Fund": ["IMF"],
    "World Bank": [],
    "European Union": ["EU", "E.U."],
    "African Union": ["AU"],
    "International Criminal Court": ["ICC"],
    "American Civil Liberties Union": ["ACLU"],
    "Red Cross": ["International Committee of the Red Cross", "ICRC"],
    "Amnesty International": [],
    "Human Rights Watch": [],
    "Associated Press": ["AP"],
    "Reuters": [],
    "Agence France-Presse": ["AFP"],
    "Bloomberg": [],
    # platforms, companies and news organisations the NER often takes for people or places
    "Twitter": [], "Facebook": [], "YouTube": [], "Instagram": [], "TikTok": [],
    "Google": [], "Meta": [], "Microsoft": [], "Amazon": [], "Apple": [], "Tesla": [],
    "SpaceX": [], "OpenAI": [], "Boeing": [], "Airbus": [], "Telegram": [], "WhatsApp": [],
    "CNN": [], "Fox News": [], "NBC News": [], "CBS News": [], "ABC News": [], "BBC": [],
    "The New York Times": ["New York Times"], "The Washington Post": ["Washington Post"],
    "The Wall Street Journal": ["Wall Street Journal", "WSJ"], "Al Jazeera": [],
    "Politico": [], "Axios": [], "NPR": [], "Xinhua": [],
    # sports bodies, whose names sound governmental ("Agency", "Committee")
    "International Olympic Committee": ["IOC"],
    # armed groups, militias, cartels and extremist groups that are no state's forces
    # (most on the US State Department's list of foreign terrorist organisations)
    "Hamas": [],
    "Hezbollah": [],
    "Taliban": [],
    "Islamic State": ["ISIS", "ISIL", "Islamic State group", "Daesh"],
    "al-Qaeda": ["Al Qaeda", "al Qaeda", "al-Qaida", "Al-Qaeda", "Al-Qaida"],
    "al-Shabaab": ["Al-Shabaab", "al Shabaab", "Al Shabaab"],
    "Boko Haram": [],
    "Houthis": ["Ansar Allah"],
    "Palestinian Islamic Jihad": ["Islamic Jihad"],
    "Hayat Tahrir al-Sham": ["HTS"],
    "Wagner Group": [],
    "Rapid Support Forces": [],
    "Tren de Aragua": [],
    "MS-13": ["Mara Salvatrucha"],
    "Sinaloa Cartel": ["Sinaloa cartel"],
    "Jalisco New Generation Cartel": ["CJNG", "Jalisco cartel"],
    "Gulf Cartel": [],
    "Proud Boys": [],
    "Oath Keepers": [],
    "Ku Klux Klan": ["KKK"],
    "Kurdistan Workers' Party": ["PKK"],
    "Lashkar-e-Taiba": [],
    "Jaish-e-Mohammed": [],
}

#: Words that make a proper-noun phrase a government body: "X Department", "Ministry of Y".
AGENCY_HEAD_WORDS = {
    "department", "ministry", "agency", "bureau", "police", "constabulary", "patrol",
    "guard", "army", "navy", "military", "forces", "force", "court", "tribunal",
    "commission", "administration", "authority", "office", "council", "parliament",
    "legislature", "assembly", "senate", "congress", "cabinet", "government", "legislative",
    "directorate", "inspectorate", "service", "services", "corps", "marshals",
    "sheriff", "prosecutors", "prosecution", "secretariat", "committee", "board",
    "gendarmerie", "judiciary", "regulator", "treasury",
}
#: Of those, the ones that also head private bodies and so need a governmental word too.
#: Last words of a government body's name, for bodies the NER missed ("Sheriff's Office").
BODY_END_WORDS = {"office", "department", "agency", "bureau", "commission", "committee",
                  "council", "ministry", "patrol", "authority", "administration", "service"}
#: Name heads that make a body of a span the NER typed as a place, event or product
#: ("the European Maritime Safety Agency's" as EVENT).
BODY_HEADS_OVER_NER = {"agency", "ministry", "department", "commission", "bureau",
                       "committee", "council", "authority", "administration", "directorate"}
WEAK_AGENCY_HEADS = {
    "office", "council", "service", "services", "board", "committee",
    "commission", "authority", "administration", "assembly", "department",
}
#: Words before "Agency"/"Service" that make a private business of it.
PRIVATE_AGENCY_MARKERS = {"news", "talent", "advertising", "artists", "travel", "model",
                          "models", "marketing", "creative", "press", "literary", "staffing"}
#: Words that mark a phrase headed by a weak head as governmental.
GOVERNMENT_MARKERS = {
    "federal", "state", "national", "county", "city", "municipal", "public", "police",
    "justice", "defense", "defence", "homeland", "security", "interior", "foreign",
    "health", "environmental", "protection", "immigration", "customs", "border",
    "emergency", "management", "intelligence", "prosecutor", "prosecutors", "district",
    "attorney", "attorney's", "sheriff", "sheriff's", "corrections", "correction",
    "transportation", "safety", "treasury", "revenue", "regulatory", "electoral",
    "election", "select", "senate", "house", "congressional", "parliamentary", "royal",
    "legislative", "executive", "electoral", "municipal", "provincial", "regional",
    "ministry", "government", "governor's", "mayor's", "us", "u.s.", "public",
    "affairs", "veterans", "refugee", "consular", "diplomatic",
}

#: Head nouns of government bodies used for anaphora ("the department", "the agency").
AGENCY_ANAPHORS = {
    "department", "agency", "bureau", "ministry", "administration", "committee",
    "panel", "court", "commission", "office", "government", "military", "army",
    "force", "forces", "police", "board", "regulator", "service", "guard",
}
#: Nouns that stand for the company last named ("the company", "the online retailer").
COMPANY_ANAPHORS = {"company", "firm", "retailer", "carrier", "automaker", "carmaker", "bank",
                    "lender", "insurer", "airline", "manufacturer", "conglomerate", "startup",
                    "corporation", "utility", "publisher", "broadcaster", "chipmaker",
                    "drugmaker", "railroad", "operator", "developer", "contractor"}

# --------------------------------------------------------------------------------------
# Titles of public office. Lower-case, spaces between words; hyphenated forms are matched
# after hyphens become spaces. Multi-word titles are matched longest first.
# --------------------------------------------------------------------------------------
OFFICIAL_TITLES = {
    "president", "vice president", "president elect", "prime minister",
    "deputy prime minister", "chancellor", "vice chancellor", "premier", "governor",
    "lieutenant governor", "lt governor", "mayor", "deputy mayor", "senator", "sen",
    "state senator", "representative", "rep", "congressman", "congresswoman",
    "congressmember", "assemblyman", "assemblywoman", "assembly member",
    "councilman", "councilwoman", "council member", "councillor", "alderman",
    "speaker", "house speaker", "majority leader", "minority leader", "whip",
    "attorney general", "solicitor general", "district attorney", "state attorney",
    "state's attorney", "us attorney", "prosecutor", "public prosecutor", "prosecutor general",
    "secretary", "secretary of state", "secretary general", "undersecretary",
    "under secretary", "deputy secretary", "assistant secretary", "press secretary",
    "minister", "deputy minister", "foreign minister", "defence minister",
    "defense minister", "interior minister", "finance minister", "justice minister",
    "health minister", "home secretary", "foreign secretary", "chief minister",
    "ambassador", "envoy", "special envoy", "consul", "sheriff", "undersheriff",
    "judge", "justice", "chief justice", "associate justice", "magistrate",
    "police chief", "chief of police", "police commissioner", "commissioner",
    "superintendent", "police superintendent", "superintendent of police",
    "chief constable", "constable", "marshal", "surgeon general", "inspector general",
    "comptroller", "treasurer", "auditor", "coroner", "attorney", "lawmaker",
    "legislator", "king", "queen", "prince", "princess", "crown prince", "emperor",
    "sultan", "emir", "sheikh", "ayatollah", "supreme leader", "pope",
    "general", "lieutenant general", "major general", "brigadier general", "admiral",
    "vice admiral", "rear admiral", "colonel", "lieutenant colonel", "major",
    "commander in chief", "field marshal",
    "chief of staff", "deputy chief of staff", "national security adviser",
    "national security advisor", "director", "deputy director", "administrator",
    "chairman", "chairwoman", "chair", "head", "chief", "spokesman",
    "spokeswoman", "spokesperson", "czar", "tsar", "border czar", "mp", "mep",
    "gov", "lt gov", "atty gen", "gen", "lt gen", "maj gen", "brig gen", "adm", "col",
    "supt", "amb", "pres", "cmdr", "gov elect", "sen elect",
    "state representative", "delegate", "first minister", "taoiseach",
    "secretary of defense", "secretary of homeland security", "defense secretary",
    "homeland security secretary", "health secretary", "treasury secretary",
    "commerce secretary", "labor secretary", "education secretary", "energy secretary",
    "interior secretary", "transportation secretary", "agriculture secretary",
    "war secretary", "state secretary", "emergency management administrator",
    "warden",
}

#: Titles that make an Official only when a government body or place qualifies them
#: ("CDC Director X", "director of the FBI"); alone they may be private roles.
QUALIFIED_TITLES = {
    "city manager", "county manager", "emergency manager", "emergency financial manager",
    "county executive", "city administrator", "county administrator", "town manager",
    "chief medical officer", "medical examiner", "health officer", "fire chief",
    "director", "deputy director", "administrator", "chairman", "chairwoman", "chair",
    "head", "chief", "spokesman", "spokeswoman", "spokesperson", "commissioner",
    "secretary", "commander", "attorney", "warden",
}

#: Leaders of a body: "the head of the agency" acting unnamed is the agency (agent_role).
LEADER_ROLES = {"head", "chief", "leader", "director", "chairman", "chairwoman", "chair",
                "boss", "commander", "president"}
#: Event nouns whose possessor undergoes the event ("Diaz's deportation"): criticising
#: it is no criticism of the possessor.
PATIENT_NOUNS = {
    "deportation", "detention", "arrest", "removal", "expulsion", "firing", "dismissal",
    "ouster", "treatment", "death", "killing", "shooting", "murder", "imprisonment",
    "incarceration", "extradition", "prosecution", "indictment", "conviction", "sentencing",
    "execution", "abduction", "kidnapping", "torture", "beating", "persecution", "exile",
}
#: People named by their tie to another ("X's son"): never the owner's stand-in.
KIN_NOUNS = {
    "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "child",
    "children", "family", "parent", "parents", "relative", "relatives", "widow", "widower",
    "nephew", "niece", "cousin", "grandson", "granddaughter", "partner", "girlfriend",
    "boyfriend", "fiance", "fiancee", "friend", "friends", "stepson", "stepdaughter",
}

#: Roles of rank-and-file public employees: kept as a Person's role, never Official
#: ("police officer X"), and as ``agent_role`` when an unnamed one acts for a body.
MEMBER_ROLES = {
    "officer", "agent", "special agent", "police officer", "detective", "sergeant",
    "trooper", "deputy", "soldier", "guardsman", "marine", "official", "employee",
    "investigator", "prosecutor", "spokesman", "spokeswoman", "spokesperson",
    "member", "staffer", "aide", "lawyer", "attorney", "inspector", "analyst",
    "pilot", "guard", "officer's", "ranger", "fighter", "militant", "gunman", "gunmen", "militiaman", "militiamen",
}

#: Last words a body's name may drop in the same article ("the Minneapolis police" for "the
#: Minneapolis Police Department").
GENERIC_BODY_HEADS = {"department", "service", "force", "bureau", "agency", "office", "dept"}

#: Words of a sum of money the NER may sweep into a name ("Apple 1.8 billion").
MONEY_WORDS = {"million", "billion", "trillion", "euros", "euro", "dollars", "pounds", "yen",
               "yuan", "rupees"}

#: Titles of a company's officers: the name before them is the company ("Spotify CEO X").
CORPORATE_TITLES = {"ceo", "chief executive", "chief executive officer", "founder", "co founder",
                    "cofounder", "chief operating officer", "coo", "cfo", "chief financial officer",
                    "chief technology officer", "cto"}

#: Nouns after an office holder's possessive that name the body of the office ("the New
#: York attorney general's office").
OFFICEHOLDER_BODY_NOUNS = {"office"}

#: Words of bodies told apart by an ordinal ("the 9th Circuit", "the 82nd Airborne
#: Division", "the 3rd Congressional District").
ORDINAL_NAMED_WORDS = {"circuit", "district", "court", "fleet", "army", "corps", "division",
                       "brigade", "regiment", "battalion", "squadron", "precinct", "ward",
                       "congressional", "infantry", "airborne", "cavalry", "marines"}

#: Member roles of a state's force: the body whose initials name them is a government
#: body ("CHP officers", "NYPD detectives"); other members' bodies are organisations.
FORCE_MEMBER_ROLES = {"officer", "agent", "special agent", "police officer", "detective",
                      "sergeant", "trooper", "deputy", "soldier", "guardsman", "marine",
                      "inspector", "ranger"}

#: Posts on an office holder's staff: "his senior adviser X" is an Official when "his" is.
STAFF_ROLES = {"adviser", "advisor", "aide", "counselor", "counsellor", "spokesman",
               "spokeswoman", "spokesperson", "deputy", "secretary"}
#: Titles kept on private persons (never Official): "Boeing CEO X".
PRIVATE_TITLES = {
    "ceo", "chief executive", "chief executive officer", "founder", "co founder",
    "cofounder", "executive", "chief operating officer", "coo", "cfo",
    "chief financial officer", "owner", "billionaire", "entrepreneur", "activist",
    "lawyer", "attorney for", "analyst", "economist", "professor", "researcher",
    "reporter", "journalist", "editor", "correspondent", "coach", "pastor", "bishop",
    "rev", "reverend", "archbishop", "cardinal", "rabbi", "imam", "doctor", "dr",
}

#: Honorifics dropped from names (KG_SPEC s.6 drops mr, mrs, ms, dr; we drop a few more).
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mx", "sir", "dame", "lord", "lady", "madam"}

#: Words that may stand between a jurisdiction and a title: "former", "acting", "then".
TITLE_MODIFIERS = {
    "former", "acting", "then", "interim", "outgoing", "incoming", "current", "late",
    "ex", "deputy", "assistant", "senior", "top", "new", "newly", "elected", "the",
    "democratic", "republican", "conservative", "labour", "liberal",
}
#: The level of a court or office, between a jurisdiction and a title: "US District Judge",
#: "Ohio Supreme Court Justice" (skipped to find the jurisdiction; kept in the title).
TITLE_LEVEL_WORDS = {
    "district", "circuit", "appeals", "appellate", "superior", "supreme", "federal",
    "bankruptcy", "county", "state", "high", "court", "municipal", "magistrate", "chief",
}

# --------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------
US_STATES = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
    "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico",
    "District of Columbia",
}

COUNTRIES = set("""
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Botswana
Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros
Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia
Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada
Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland
Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos
Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi
Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia
Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger
Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland
Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia
Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania
Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan
Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
""".split()) | {
    "United States", "United Kingdom", "United Arab Emirates", "Saudi Arabia", "South Africa",
    "South Korea", "North Korea", "New Zealand", "Sri Lanka", "Costa Rica", "El Salvador",
    "Dominican Republic", "Czech Republic", "Central African Republic", "South Sudan",
    "Ivory Coast", "Cote d'Ivoire", "Burkina Faso", "Sierra Leone", "Papua New Guinea",
    "Bosnia and Herzegovina", "North Macedonia", "Equatorial Guinea", "Guinea-Bissau",
    "Cape Verde", "East Timor", "Trinidad and Tobago", "Hong Kong", "Puerto Rico",
    "Democratic Republic of the Congo", "Vatican City", "Marshall Islands", "Solomon Islands",
    "England", "Scotland", "Wales", "Northern Ireland", "Gaza", "West Bank",
}

#: Titles only a US state (or territory) has: their holder's jurisdiction, when unnamed,
#: is the state the article is about.
STATE_ONLY_TITLES = {"governor", "gov", "lieutenant governor", "lt gov", "lt governor",
                     "lieutenant gov"}
#: Titles of a national office: "President X" with no country named holds the office of
#: the country the article is about.
NATIONAL_TITLES = {"president", "pres", "vice president", "president elect", "prime minister",
                   "deputy prime minister", "premier", "chancellor", "king", "queen", "emir",
                   "sultan", "foreign minister", "defence minister", "defense minister",
                   "interior minister", "finance minister", "justice minister", "health minister",
                   "first minister", "taoiseach"}
#: Title words of an office inside a chamber or committee ("House Speaker", "Chairman"):
#: a party tag's state is then not the office's jurisdiction.
CHAMBER_OFFICE_WORDS = {"speaker", "leader", "whip", "chairman", "chairwoman", "chair",
                        "majority", "minority", "ranking", "president", "pro", "tempore"}
#: Capitalised prefixes of surnames written as one word ("McKee", "DeSilva", "LaRosa").
SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz", "St")
#: USPS two-letter state codes, as party tags write them ("R-TX").
STATE_POSTAL_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming",
}
#: US state abbreviations used in datelines and party tags ("Newton, Mass.", "D-Calif.").
STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "cal": "California", "colo": "Colorado", "conn": "Connecticut", "del": "Delaware",
    "fla": "Florida", "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas",
    "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
    "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi",
    "mo": "Missouri", "mont": "Montana", "neb": "Nebraska", "nev": "Nevada",
    "n h": "New Hampshire", "n j": "New Jersey", "n m": "New Mexico", "n y": "New York",
    "n c": "North Carolina", "n d": "North Dakota", "okla": "Oklahoma", "ore": "Oregon",
    "pa": "Pennsylvania", "r i": "Rhode Island", "s c": "South Carolina",
    "s d": "South Dakota", "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont",
    "va": "Virginia", "wash": "Washington", "w va": "West Virginia", "wis": "Wisconsin",
    "wyo": "Wyoming", "d c": "Washington",
}

#: Nationality adjectives -> country ("French President" holds office in France).
DEMONYMS = {
    "american": "United States", "u.s.": "United States", "british": "United Kingdom",
    "french": "France", "german": "Germany", "italian": "Italy", "spanish": "Spain",
    "russian": "Russia", "chinese": "China", "japanese": "Japan", "indian": "India",
    "israeli": "Israel", "palestinian": "Palestine", "iranian": "Iran", "iraqi": "Iraq",
    "syrian": "Syria", "turkish": "Turkey", "egyptian": "Egypt", "saudi": "Saudi Arabia",
    "ukrainian": "Ukraine", "polish": "Poland", "canadian": "Canada", "mexican": "Mexico",
    "brazilian": "Brazil", "argentine": "Argentina", "venezuelan": "Venezuela",
    "colombian": "Colombia", "peruvian": "Peru", "chilean": "Chile", "cuban": "Cuba",
    "australian": "Australia", "south korean": "South Korea", "north korean": "North Korea",
    "korean": "South Korea", "taiwanese": "Taiwan", "pakistani": "Pakistan",
    "afghan": "Afghanistan", "nigerian": "Nigeria", "kenyan": "Kenya",
    "south african": "South Africa", "ethiopian": "Ethiopia", "sudanese": "Sudan",
    "malian": "Mali", "nigerien": "Niger", "libyan": "Libya", "lebanese": "Lebanon",
    "jordanian": "Jordan", "qatari": "Qatar", "emirati": "United Arab Emirates",
    "greek": "Greece", "dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland",
    "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland",
    "irish": "Ireland", "portuguese": "Portugal", "austrian": "Austria",
    "hungarian": "Hungary", "romanian": "Romania", "serbian": "Serbia", "czech": "Czech Republic",
    "belarusian": "Belarus", "georgian": "Georgia", "armenian": "Armenia",
    "vietnamese": "Vietnam", "thai": "Thailand", "filipino": "Philippines",
    "indonesian": "Indonesia", "malaysian": "Malaysia", "haitian": "Haiti",
    "salvadoran": "El Salvador", "guatemalan": "Guatemala", "honduran": "Honduras",
    "nicaraguan": "Nicaragua", "bolivian": "Bolivia", "ecuadorian": "Ecuador",
    "scottish": "Scotland", "welsh": "Wales", "english": "England",
}

#: Capitals -> their country: a government is often named by its seat ("Paris said").
CAPITALS = {
    "Washington": "United States", "Ottawa": "Canada", "Mexico City": "Mexico",
    "London": "United Kingdom", "Paris": "France", "Berlin": "Germany", "Rome": "Italy",
    "Madrid": "Spain", "Lisbon": "Portugal", "Brussels": "Belgium", "Amsterdam": "Netherlands",
    "The Hague": "Netherlands", "Bern": "Switzerland", "Vienna": "Austria", "Warsaw": "Poland",
    "Prague": "Czech Republic", "Budapest": "Hungary", "Bucharest": "Romania",
    "Athens": "Greece", "Stockholm": "Sweden", "Oslo": "Norway", "Copenhagen": "Denmark",
    "Helsinki": "Finland", "Dublin": "Ireland", "Moscow": "Russia", "Kyiv": "Ukraine",
    "Kiev": "Ukraine", "Minsk": "Belarus", "Ankara": "Turkey", "Tehran": "Iran",
    "Baghdad": "Iraq", "Damascus": "Syria", "Beirut": "Lebanon", "Amman": "Jordan",
    "Riyadh": "Saudi Arabia", "Doha": "Qatar", "Abu Dhabi": "United Arab Emirates",
    "Cairo": "Egypt", "Tripoli": "Libya", "Tunis": "Tunisia", "Algiers": "Algeria",
    "Rabat": "Morocco", "Bamako": "Mali", "Niamey": "Niger", "Ouagadougou": "Burkina Faso",
    "Dakar": "Senegal", "Accra": "Ghana", "Abuja": "Nigeria", "Khartoum": "Sudan",
    "Addis Ababa": "Ethiopia", "Nairobi": "Kenya", "Kampala": "Uganda", "Kinshasa": "Congo",
    "Pretoria": "South Africa", "Beijing": "China", "Tokyo": "Japan", "Seoul": "South Korea",
    "Pyongyang": "North Korea", "Taipei": "Taiwan", "New Delhi": "India", "Delhi": "India",
    "Islamabad": "Pakistan", "Kabul": "Afghanistan", "Dhaka": "Bangladesh", "Hanoi": "Vietnam",
    "Bangkok": "Thailand", "Manila": "Philippines", "Jakarta": "Indonesia",
    "Kuala Lumpur": "Malaysia", "Canberra": "Australia", "Wellington": "New Zealand",
    "Brasilia": "Brazil", "Buenos Aires": "Argentina", "Santiago": "Chile", "Lima": "Peru",
    "Bogota": "Colombia", "Caracas": "Venezuela", "Quito": "Ecuador", "La Paz": "Bolivia",
    "Havana": "Cuba", "Managua": "Nicaragua", "Tegucigalpa": "Honduras",
    "San Salvador": "El Salvador", "Guatemala City": "Guatemala", "Port-au-Prince": "Haiti",
    "Jerusalem": "Israel", "Tel Aviv": "Israel", "Tbilisi": "Georgia", "Yerevan": "Armenia",
    "Baku": "Azerbaijan", "Belgrade": "Serbia",
}

#: Place aliases -> canonical name.
PLACE_ALIASES = {
    "us": "United States", "u s": "United States", "usa": "United States",
    "u s a": "United States", "america": "United States",
    "united states of america": "United States", "the united states": "United States",
    "uk": "United Kingdom", "u k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "uae": "United Arab Emirates",
    "drc": "Democratic Republic of the Congo", "dc": "Washington",
    "washington dc": "Washington", "washington d c": "Washington",
    "prc": "China", "mainland china": "China", "russian federation": "Russia",
    "nyc": "New York City",
}



# --------------------------------------------------------------------------------------
# Laws and legal instruments
# --------------------------------------------------------------------------------------

# --------------------------------------------------------------------------------------
# Collective actors (Group): plural head nouns of unnamed collectives.
# --------------------------------------------------------------------------------------
#: Collective actors that also end proper names ("United States", "Organization of American
#: States", "U.S. Conference of Mayors"): groups when unnamed, never cut off a name.
COLLECTIVE_ACTOR_NOUNS = {"states", "governors", "mayors", "countries", "nations", "cities",
                          "counties", "plaintiffs", "attorneys general"}

GROUP_NOUNS = {
    "protesters", "protestors", "demonstrators", "rioters", "marchers", "residents",
    "agents", "officers", "troops", "troopers", "soldiers", "forces", "servicemembers", "marines", "guardsmen",
    "police", "policemen", "deputies", "migrants", "immigrants", "refugees",
    "asylum seekers", "detainees", "deportees", "prisoners", "inmates", "officials",
    "lawmakers", "legislators", "senators", "congressmen", "prosecutors",
    "investigators", "authorities", "militants", "rebels", "insurgents", "fighters",
    "gunmen", "militiamen", "mercenaries", "paramilitaries", "activists", "workers",
    "employees", "students", "civilians", "citizens", "journalists", "doctors",
    "nurses", "farmers", "settlers", "athletes", "swimmers", "passengers", "victims",
    "families", "parents", "children", "voters", "supporters", "critics", "democrats",
    "republicans", "judges", "regulators", "administrators", "diplomats", "leaders",
    "ministers", "commanders", "generals", "firefighters", "crew", "crews",
    "americans", "christians", "muslims", "jews", "guards", "sailors", "airmen",
    "smugglers", "traffickers", "suspects", "hostages", "strikers",
} | COLLECTIVE_ACTOR_NOUNS

#: Of the group nouns, those too vague to be a node unless a relation needs them.
WEAK_GROUP_NOUNS = {
    "workers", "employees", "students", "citizens", "families", "parents", "children",
    "voters", "supporters", "critics", "leaders", "victims", "passengers", "athletes",
    "swimmers", "doctors", "nurses", "farmers", "journalists", "crew", "crews",
    "americans", "christians", "muslims", "jews", "democrats", "republicans",
    "ministers", "commanders", "generals", "administrators", "diplomats", "judges",
    "residents", "guards", "sailors", "airmen", "smugglers", "traffickers", "suspects",
    "hostages", "strikers",
} | COLLECTIVE_ACTOR_NOUNS

#: Modifiers dropped from a group's name: numbers, quantities and degree words.
GROUP_DROP_MODIFIERS = {
    "thousands", "hundreds", "dozens", "scores", "millions", "some", "many", "several",
    "more", "most", "few", "other", "top", "senior", "all", "both", "these", "those",
    "the", "a", "an", "his", "her", "their", "its", "our", "numerous", "various",
    "about", "around", "nearly", "almost", "over", "than", "at", "least", "additional",
    "armed", "masked", "unidentified", "unnamed", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "such", "any", "certain", "additional",
}

#: Words that signal a boilerplate line (newsletter prompts, credits, share bars).
BOILERPLATE_LINE_PATTERNS = [
    r"^\s*sign up\b", r"^\s*subscribe\b", r"^\s*follow( topic| us)?\s*:?\s*$",
    r"^\s*see more on\b", r"^\s*read more\b", r"^\s*(photo|image|video)s?\s*(credit)?\s*:",
    r"^\s*advertisement\s*$", r"^\s*share( this( article)?)?\s*:?\s*$",
    r"^\s*(by|written by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$",
    r"^\s*related\s*:?", r"^\s*(click|tap) here\b", r"^\s*copyright\b", r"^\s*©",
    r"^\s*all rights reserved", r"^\s*get\b.{0,40}\bnewsletters?\b",
    r"^\s*[A-Z ]{2,40}\s*/\s*[A-Z ]{2,40}\s*$",
    r"^\s*this article (was|is|has been)\b.*\b(published|updated|corrected)\b",
    r"^\s*(listen|watch) (to|now)\b", r"^\s*topics?\s*:",
]

#: Credits inside a line (caption tails, bracketed photo credits): masked, offsets kept.
INLINE_CREDIT_PATTERNS = [
    r"\b(?:Source|Photo|Image|Credit|Picture|Photograph|Video)s?\s*:\s*[^\n.]{1,60}$",
    r"\((?:Photo|Image|Picture|Video)s?\s+(?:by|credit|courtesy)[^)\n]{0,80}\)",
    r"\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*/\s*(?:Getty Images|AFP|Reuters|AP|EPA)[^\n]{0,40}$",
]

# --------------------------------------------------------------------------------------
# Companies: cues that a name the NER took for a person is a company.
# --------------------------------------------------------------------------------------
CORPORATE_SUFFIXES = {
    "inc", "corp", "corporation", "co", "llc", "ltd", "plc", "gmbh", "ag", "sa", "labs",
    "group", "holdings", "technologies", "technology", "systems", "airlines", "airways",
    "bank", "partners", "capital", "media", "news", "motors", "pharmaceuticals", "pharma",
    "energy", "foods", "brands", "industries", "enterprises", "solutions", "ventures",
    "networks", "communications", "entertainment", "studios", "insurance", "financial",
}
#: Nouns that introduce a company's name: "the company X", "blood-testing startup X".
ORGANIZATION_NOUNS = {
    "company", "firm", "startup", "start-up", "maker", "giant", "retailer", "bank", "airline",
    "carrier", "manufacturer", "developer", "publisher", "network", "outlet", "newspaper",
    "broadcaster", "conglomerate", "automaker", "chipmaker", "insurer", "lender", "brand",
    "nonprofit", "charity", "group", "organization", "organisation", "union", "party",
    "subsidiary", "utility", "operator", "contractor", "supplier", "distributor",
}
#: Premises a business name in the possessive stands before: "a Bo's Burgers restaurant".
BUSINESS_PREMISES = {"restaurant", "store", "shop", "outlet", "franchise", "branch",
                     "dealership", "supermarket", "cafe", "diner", "warehouse", "factory",
                     "location", "parking", "drive", "chain", "pharmacy"}
#: Nouns a company owns: "X's founder", "X's shareholders".
CORPORATE_POSSESSIONS = {
    "founder", "founders", "ceo", "shareholders", "investors", "board", "employees", "staff",
    "stock", "shares", "headquarters", "products", "technology", "executives", "chairman",
    "subsidiary", "customers", "revenue", "profits", "valuation", "devices", "lab", "labs",
}

# --------------------------------------------------------------------------------------
# Word lists of the entity, resolution and relation rules.
# --------------------------------------------------------------------------------------

#: Bodies that are places ("White House"), whatever the NER says.
PLACE_BODIES = {"white house", "capitol", "capitol hill", "downing street", "elysee palace",
                "elysee", "pentagon building", "west wing", "oval office"}

#: Last words of a statute's or instrument's name: "Insurrection Act".
#: Words of a grade on a scale the NER takes for a law ("Level 3").
SCALE_WORDS = {"category", "level", "phase", "stage", "grade", "class", "tier", "type", "step"}
LAW_HEAD_WORDS = {"act", "amendment", "constitution", "bill", "treaty", "accord", "accords",
                  "convention", "charter", "statute", "code", "resolution"}

#: Verbs whose participle after a noun makes protesters ("residents protesting").
PROTEST_VERBS = {"protest", "demonstrate", "march", "rally"}

#: Group nouns named by their common synonym.
GROUP_SYNONYMS = {"protestors": "protesters", "demonstrators": "protesters",
                  "marchers": "protesters", "rioters": "rioters",
                  "soldiers": "troops", "servicemembers": "troops", "servicemen": "troops",
                  "authorities": "officials"}

#: Single words of the gazetteer too ambiguous to mark where the NER found nothing.
GAP_AMBIGUOUS = {"House", "Guard", "Fed", "Treasury", "Marshals", "Marines"}

#: Nouns that, qualified by a place or nationality, name a government body:
#: "the Israeli government", "Hong Kong police", "the Chinese military".
NATIONAL_BODY_NOUNS = {"government", "police", "military", "army", "navy", "parliament",
                       "cabinet", "legislature", "junta", "regime", "coast guard", "judiciary"}

#: Words that end a caption the NER swept into a name ("X Source", "X Image").
TAIL_NOISE = {"image", "images", "photo", "photos", "file", "video", "getty", "source", "credit"}

#: Last words no person's name ends with ("Park", "Hill" and "Field" are surnames too).
PERSON_NEVER_HEADS = {"street", "avenue", "road", "county", "airport", "station", "bridge",
                      "square", "river", "island", "valley", "plaza", "boulevard", "highway",
                      "harbor", "harbour", "canyon", "creek", "heights", "springs"}

#: "the city of X", "the state of X": the container is X.
PLACE_CONTAINERS = {"city", "state", "county", "town", "country", "province", "commonwealth",
                    "village", "people", "government", "region", "territory", "island"}

#: Nouns for a kind of place: "the border town of X", "X, the capital of Y".
#: (Not "suburb": a suburb of a city lies outside it.)
PLACE_TYPE_NOUNS = {"town", "city", "village", "county", "capital", "district",
                    "province", "region", "state", "municipality", "jurisdiction",
                    "neighborhood", "neighbourhood", "port", "enclave", "island", "borough",
                    "parish", "community", "hamlet", "commune", "prefecture", "township"}

#: Last words of a unit's name inside a larger body: "X's Y Center", "the Z Project at Y",
#: "the Y Executive Committee" beside "Y".
UNIT_NOUNS = {"project", "program", "programme", "center", "centre", "institute", "clinic",
              "lab", "laboratory", "initiative", "school", "college", "division", "unit",
              "bureau", "directorate", "committee", "subcommittee", "board", "panel",
              "wing", "branch", "office", "department", "section", "service", "services",
              "command", "operations", "team"}

#: Sites a named business or body runs: "the X meatpacking plant in Y" places X in Y.
FACILITY_NOUNS = {"plant", "factory", "facility", "mill", "refinery", "mine", "warehouse",
                  "prison", "jail", "base", "camp", "airport", "hospital", "campus",
                  "headquarters", "complex", "shipyard", "depot", "smelter", "site"}

#: Last words of a non-government body's name the NER may take for a title or event
#: ("the Western Law Center" as WORK_OF_ART).
ORGANIZATION_HEAD_WORDS = {"center", "centre", "institute", "foundation", "coalition",
                           "association", "union", "alliance", "league", "federation", "society",
                           "fund", "network", "project", "party", "group", "trust", "movement",
                           "university", "college", "club"}
#: Research and service units that a government body may own ("the agency's X Center").
RESEARCH_BODY_WORDS = {"center", "centre", "institute", "institutes"}
#: First words of a supranational or international body: no state's agency.
SUPRANATIONAL_WORDS = {"world", "international", "global"}
#: Heads of institutions named after a person ("Johns Hopkins University"), whose
#: leading name alone stands for them as a modifier ("a Johns Hopkins study").
EPONYM_BODY_HEADS = {"university", "college", "institute", "foundation", "center", "centre",
                     "school", "hospital", "museum", "library", "clinic"}
#: Nouns for made things a product name modifies ("the Pilot Assist software", "Roadrunner
#: vehicles", "the XR-7 plug"): the name is a product or part, not a body or a person.
ARTIFACT_NOUNS = {"software", "program", "system", "feature", "controls", "control", "update",
                  "vehicle", "car", "truck", "suv", "plug", "device", "phone", "app",
                  "model", "engine", "chip", "drug", "vaccine", "product", "technology",
                  "firmware", "component", "part", "panel", "battery", "sensor", "tool",
                  "aircraft", "jet", "plane", "drone", "rifle", "missile"}
#: Last words of an event's name (GUIDE: events are never entities): "the Sydney Olympics".
EVENT_HEAD_WORDS = {"olympics", "paralympics", "championship", "championships", "tournament",
                    "marathon", "festival", "expo"}
#: Words that make a body with a government-sounding head a sports body (GUIDE: sports
#: bodies are organisations): "a National Anti-Doping Agency", "National Olympic Committee".
SPORTS_BODY_WORDS = {"olympic", "paralympic"}
SPORTS_BODY_PHRASES = ("anti doping",)
#: Words that make "X Forces" a state's force rather than an armed group.
STATE_FORCE_MARKERS = {"armed", "defence", "defense", "national", "royal", "army", "navy", "air",
                       "border", "security", "police", "special", "federal"}
#: Last words of an office held in a government body ("Agency Chief Medical Officer X").
OFFICE_HEAD_WORDS = {"officer", "director", "counsel", "adviser", "advisor", "scientist",
                     "administrator", "commissioner", "secretary", "spokesperson", "spokesman",
                     "spokeswoman", "chief", "head", "inspector", "surgeon", "coordinator"}
#: Verbs of heading a body: "X, who led the agency's center" holds an office there.
LEADING_VERBS = {"lead", "head", "run", "direct", "oversee", "chair"}
#: Words marking a body "of the county's/state/city ..." as a government's.
GOVERNMENT_LEVEL_WORDS = {"county", "state", "city", "federal", "national", "municipal",
                          "government"}
#: Month abbreviations that end a byline run into a name ("By Jane Roe Mar 3, 2021").
MONTH_ABBREVIATIONS = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                       "Nov", "Dec"}

#: Group nouns that also name an institution: bare "police" that speaks ("Police announced
#: ...") is the force speaking, an Agency.
INSTITUTION_GROUP_NOUNS = {"police"}
#: Bare groups that stand for the one police force an article names, and whether they are
#: its members ("officers") rather than the force itself.
FORCE_GROUP_FORMS = {("police",): False, ("officers",): True, ("police", "officers"): True}
#: "the Norland authorities" is "the Norland government" when the article names it.
AUTHORITIES_NOUN, GOVERNMENT_NOUN = "authorities", "government"
#: Group nouns that are plural in meaning, not in form ("the crew were rescued").
SINGULAR_FORM_GROUP_NOUNS = INSTITUTION_GROUP_NOUNS | {"crew"}
#: Nouns a leader's name turns into a government ("the Varga administration").
LEADER_GOVERNMENT_NOUNS = {"administration"}
#: Group nouns of two words ("asylum seekers"), as (first word, last word).
TWO_WORD_GROUP_NOUNS = {tuple(noun.split()) for noun in GROUP_NOUNS if len(noun.split()) == 2}
TWO_WORD_GROUP_LAST_WORDS = {last for _, last in TWO_WORD_GROUP_NOUNS}
#: Seats of government that are only ever the building ("in the Oval Office").
BUILDINGS_ONLY = {"oval office", "west wing", "capitol", "capitol hill"}
#: Last words a region's name may carry or drop ("Blue Nile State" is "Blue Nile").
REGION_SUFFIXES = {"state", "province", "region", "county", "prefecture"}
#: First words after a place's name that make a police force or court the place's own:
#: its judges and commissioners hold the place's office too ("Ohio Supreme Court Justice
#: X", "Denver Police Chief X"); a department's director holds the department's.
PLACE_OWNED_BODY_WORDS = {"police", "district", "circuit", "supreme", "superior", "court",
                          "appeals", "high", "municipal"}
#: Local offices of a body: "the director for the Dayton office of X" holds X's post.
FIELD_OFFICE_NOUNS = {"office", "bureau", "branch"}
#: Roles in a committee between its name and a member's title ("X Committee ranking member
#: Rep. Y"), and the words that qualify them.
COMMITTEE_ROLES = {"member", "chairman", "chairwoman", "chair"}
COMMITTEE_ROLE_MODIFIERS = {"ranking", "senior", "minority", "majority", "vice"}
#: Prepositions before a name that place it: "in Tarvo, Estonia" is a town.
LOCATIVE_PREPS = {"in", "at", "near", "from", "outside", "to", "into", "across"}
#: Verbs whose "as" phrase names the post a subject holds: "X served as chief of staff".
SERVING_VERBS = {"serve", "work", "act"}
#: Party members named by their state: "Ohio Democrat", "a Texas Republican".
PARTY_MEMBER_WORDS = {"democrat", "democrats", "republican", "republicans", "democratic",
                      "independent", "conservative", "liberal"}
#: Party letters of a US legislator's party-state tag ("Rep. X, D-Ore.", "Sen. Y (R-Utah)").
PARTY_TAG_LETTERS = {"D", "R", "I"}
#: Media named by a proper noun before a medium ("Canal 9 television", "Channel 4 News").
MEDIA_NOUNS = {"television", "tv", "radio", "newspaper", "broadcaster", "channel", "daily",
               "magazine", "news agency"}
#: Words that keep a sports-sounding name a state's body ("Ministry of Sport").
STATE_BODY_WORDS = {"ministry", "department", "government"}
#: Last words of a force's name ("X Forces"): a state's only with a state marker.
FORCE_HEADS = {"forces", "force", "army"}
#: First words of "<head> of X" names that are government bodies ("Office of X").
OFFICE_OF_HEADS = {"department", "ministry", "office", "bureau", "directorate"}
#: Words before a title that say it is held no longer.
FORMER_WORDS = {"ousted", "former", "deposed", "toppled", "exiled", "late"}
#: Nouns after a one-word name that make it a region ("the Norland region").
REGION_NOUNS = {"region", "area", "province", "basin", "desert", "valley", "peninsula",
                "corridor"}

#: "thousands of agents": quantities whose "of" object is the actor.
QUANTITY_WORDS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "some",
                  "many", "several", "most", "all", "none", "one", "two", "three", "few",
                  "number", "group", "handful", "majority", "team", "contingent", "unit",
                  "units", "battalion", "battalions", "squad", "wave", "surge", "crowd",
                  "crowds", "throng", "mob", "convoy"}

#: Head nouns of a force that can be deployed.
FORCE_WORDS = {"troops", "soldiers", "agents", "officers", "forces", "police", "guard", "guards",
               "sailors", "airmen",
               "guardsmen", "marines", "military", "army", "personnel", "deputies",
               "officials", "staff"}

#: Particles that lead surnames ("de Blasio", "van der Berg", "al-Assad").
NAME_PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la",
                  "al", "el", "bin", "ben", "ibn", "abu", "dos", "du", "st"}

#: Generational suffixes dropped when matching names.
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}

#: Acronyms too ambiguous to force on the text (still typed by lookup when NER finds them).
AMBIGUOUS_ACRONYMS = {"VA", "AP", "AU", "DOE", "DOT", "SAF", "WHO", "DOD", "MOD", "PLA", "OCC",
                      "IDF", "SBA", "NRC", "DIA", "FEC", "BOP", "OPM", "GAO"}
