"""Words that tell what a capitalized name is: one place for the persons' word lists.

General English (and, for native script, Korean and Chinese) vocabulary -- kinds
of organisation, place, product and role, verbs of speech -- never names of
particular persons or things.  :mod:`searchapp.ingest.persons.evidence` reads a
name's surroundings with them.
"""

from __future__ import annotations

#: Words that start sentences or are capitalized for other reasons than names ("The",
#: "Meanwhile", "Former"): never a word of a person's name.
FUNCTION_WORDS = frozenset({
    "The", "A", "An", "And", "Or", "But", "Of", "In", "On", "At", "To", "For", "By", "With",
    "From", "As", "If", "When", "While", "After", "Before", "This", "That", "He", "She", "It",
    "They", "We", "His", "Her", "Its", "Their", "Our", "Former", "Then", "Now", "Also", "So",
    "Yet", "Under", "Since", "Both", "Even", "Not", "Why", "How", "What", "Who", "Where",
    "Meanwhile", "Thanks", "Like", "Dear", "Dearest"})

#: Last words that make a capitalized phrase an organisation, a venue, an event,
#: a work or a place ("Wilson Center", "Davis Cup", "Dick Clark Productions").
ORG_WORDS = frozenset({
    "Center", "Centre", "Institute", "University", "College", "School", "Academy", "Foundation",
    "Fund", "Group", "Inc", "Corp", "Corporation", "Company", "Co", "Ltd", "LLC", "GmbH", "AG",
    "PLC", "Bank", "Party", "Council", "Committee", "Commission", "Agency", "Ministry",
    "Department", "Office", "Bureau", "Times", "Post", "News", "Journal", "Daily", "Herald",
    "Tribune", "Review", "Magazine", "Press", "Media", "Network", "Forum", "Society",
    "Association", "Union", "Club", "League", "Cup", "Games", "Olympics", "Championship",
    "Championships", "Open", "Prize", "Award", "Awards", "Trophy", "Festival", "Airlines",
    "Airways", "Motors", "Labs", "Technologies", "Technology", "Capital", "Partners",
    "Holdings", "Ventures", "Systems", "Studios", "Studio", "Records", "Pictures", "Museum",
    "Gallery", "Hospital", "Church", "Cathedral", "Palace", "Tower", "Square", "Street",
    "Avenue", "Road", "Bridge", "Airport", "Station", "Stadium", "Arena", "House",
    "Peninsula", "Island", "Islands", "Mountain", "Mountains", "River", "Sea", "Crater", "Gulf",
    "Coast", "Canyon", "Ocean", "Creek", "Desert", "Glacier", "Volcano", "Strait", "Canal",
    "Valley", "Declaration", "Accord", "Treaty", "Act", "War", "Summit", "Conference",
    "Initiative", "Program", "Programme", "Project", "Projects", "Report", "Index", "Exchange",
    "Market", "Galleries", "Collective", "Editions", "Contemporary", "Arts",
    "Fleet", "Army", "Navy", "Force", "Forces", "Guard", "Police", "Parliament",
    "Assembly", "Congress", "Senate", "Government", "Administration", "Focus", "Weekly",
    "Show", "Series", "Team", "FC", "City", "United", "Federation", "Confederation",
    "Alliance", "Coalition", "Movement", "Front", "Brigade", "Productions", "Production",
    "Entertainment", "Robotics", "Industries", "Enterprises", "Solutions", "Software",
    "Interactive", "Pharmaceuticals", "Therapeutics", "Biosciences", "Dynamics", "Aerospace",
    "Energy", "Foods", "Brands", "Films", "Publishing", "Books", "Design", "Designs",
    "Consulting", "Services", "Insurance", "Realty", "Properties", "Hotel", "Hotels",
    "Resort", "Casino", "Restaurant", "Cafe", "Theater", "Theatre", "Library", "Mall",
    "Plaza", "Clinic", "Laboratory", "Observatory", "State", "Tech", "Polytechnic", "Base",
    "Camp", "Port", "Falls", "Springs", "Heights", "Harbor", "Harbour",
    "County", "Province", "District", "Township", "Village", "Region", "Territory",
    # newspapers and broadcasters
    "Courant", "Gazette", "Chronicle", "Observer", "Sentinel", "Examiner", "Inquirer",
    "Courier", "Telegraph", "Mirror", "Globe", "Dispatch", "Bulletin", "Enquirer", "Advocate",
    "Monitor", "Reporter", "Digest", "Register", "Leader", "Standard", "Independent",
    "Express", "Radio", "TV", "Television", "Channel", "Podcast",
    # products and their editions
    "Edition", "Lite", "Mini", "Max", "Pro", "Plus", "Ultra", "Deluxe", "Bundle", "Kit",
    # finance and media
    "Insider", "Equities", "Securities", "Investments", "Advisors", "Advisers", "Markets",
    "Fitness", "Gym", "Wellness", "Study", "Survey", "Tools", "Grill", "Bakery", "Kitchen",
    "Europe", "America", "Americas", "Asia", "Africa", "International", "Global", "Worldwide",
    "Cloud", "Authority", "Trust",
})

#: Legal forms that end a company's name ("Acme Inc", "Roe & Lee LLP"), abbreviations
#: from ISO 20275's list of entity legal forms (English, German, Italian, Dutch, Australian).
LEGAL_FORMS = frozenset({
    "Inc", "Corp", "Corporation", "Company", "Co", "Ltd", "LLC", "GmbH", "AG", "PLC",
    "PC", "LLP", "PLLC", "LP", "Pty", "SpA", "Srl", "BV", "NV",
})

#: Last words of a company's name ("Southwest Airlines", "Acme Labs"): a place the model
#: cut from one is the start of a firm's name, not a place.
FIRM_WORDS = LEGAL_FORMS | frozenset({
    "Group",
    "Holdings", "Airlines", "Airways", "Motors", "Labs", "Technologies", "Systems", "Software",
    "Ventures", "Capital", "Partners", "Studios", "Entertainment", "Industries", "Enterprises",
    "Solutions", "Pharmaceuticals", "Therapeutics", "Brands", "Foods", "Insurance", "Bank",
    "Airline", "Cloud", "AI", "Games", "Records", "Pictures", "Productions", "Robotics",
    "Energy", "Media", "Networks", "Digital", "Analytics", "Apps", "Server", "Pro",
})

#: Last words of a place's own name ("Sonoran Desert", "Central Park", "Greater Bay
#: Area"): a common word there does not make the name a product's.
PLACE_HEADS = frozenset({
    "City", "Town", "County", "Province", "District", "Township", "Village", "Region",
    "Territory", "State", "States", "Island", "Islands", "Peninsula", "Mountain", "Mountains",
    "Hills", "Hill", "River", "Sea", "Ocean", "Lake", "Lakes", "Bay", "Gulf", "Coast", "Valley",
    "Desert", "Forest", "Park", "Falls", "Springs", "Heights", "Harbor", "Harbour", "Port",
    "Area", "Strait", "Canal", "Beach", "Creek", "Canyon", "Plains", "Delta", "Basin",
    "Square", "Street", "Avenue", "Road", "Bridge", "Airport", "Station", "Republic",
    "Kingdom", "Emirates", "Union", "Federation", "Metropolitan", "Quarter", "Borough",
    "Highlands", "Lowlands", "Isle", "Cape", "Point", "Head", "Sound", "Rock", "Wood",
    "Woods", "Field", "Fields", "Ridge", "Glen", "Green", "Cross", "Gate", "Gardens",
})

#: Words a place's name begins with ("North Dakota", "Upper Egypt", "Loch Ness"): with a
#: common last word ("North Hills") still a place; a name written only where places stand
#: that begins with one is a place's, not a person's.
PLACE_FIRST_WORDS = frozenset({
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Greater", "New", "Old", "Mount", "Lake", "Loch", "Lough", "Cape", "Isle",
    "Fort", "Port", "Puerto", "Cabo", "Lago", "Ciudad", "Saint", "St.", "San", "Santa", "Los",
    "Las", "El"})

#: Small words inside a place's name ("Vila do Conde", "Villanueva del Arzobispo",
#: "Sant'Agata di Puglia"): a place is the whole name they join.
PLACE_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "delle", "dei",
                             "di", "du", "des", "la", "le"})

#: First words of an organisation's name in Romance languages, before "de", "di" ... and
#: a place ("Banco de España", "Università di Bologna"): the place is not that name
#: (with ORG_WORDS, which holds the English and shared ones: "Hospital", "Club").
ORG_HEADS = frozenset({
    "Banco", "Banca", "Banque", "Universidad", "Universidade", "Università", "Université",
    "Instituto", "Istituto", "Institut", "Museo", "Museu", "Musée", "Ministerio",
    "Ministério", "Ministero", "Ministère", "Colegio", "Ospedale", "Teatro",
    "Théâtre", "Estadio", "Estádio", "Stadio", "Palacio", "Palazzo", "Palais",
    "Câmara", "Cámara", "Camera", "Consejo", "Conselho", "Consiglio", "Conseil",
    "Tribunal", "Tribunale", "Corte", "Cour", "Escuela", "Escola", "Scuola", "École",
    "Partido", "Partito", "Parti", "Fundación", "Fundação", "Fondazione", "Fondation",
    "Compañía", "Companhia", "Compagnia", "Compagnie", "Gobierno", "Governo", "Junta",
    "Ayuntamiento", "Prefeitura", "Comune", "Mairie", "Diputación", "Generalitat", "Caja",
    "Caixa", "Cassa", "Crédit", "Credito", "Sociedad", "Sociedade", "Società", "Société",
    "Grupo", "Gruppo", "Groupe", "Feria", "Copa", "Coppa", "Coupe", "Tour",
    "Giro", "Vuelta", "Gran", "Grand", "Premio", "Prémio", "Prix", "Orquesta", "Orchestra",
    "Orquestra", "Catedral", "Cattedrale", "Cathédrale", "Iglesia", "Igreja", "Chiesa",
    "Église", "Basilica", "Basílica", "Convento", "Monasterio", "Mosteiro",
    "Château", "Hôtel", "Aeropuerto", "Aeroporto", "Aéroport",
    "Estación", "Estação", "Stazione", "Gare", "Universitat",
})

#: Heads of institutions named "of" something ("the University of Baghdad", "the Mosque of
#: Amir Tughan", "the Bank of Ann Roe-Lee"): the name after "of" is part of the
#: institution's name, not a person written about (with ORG_HEADS: "Banco de ...").  Not
#: "Office", "Friends", "Prize": those are of persons as often.
NAMED_OF_HEADS = frozenset({
    "University", "College", "School", "Academy", "Institute", "Bank", "Ministry",
    "Museum", "Hospital", "Church", "Mosque", "Cathedral", "Temple", "Shrine", "Tomb",
    "Palace", "Republic", "Kingdom", "Emirate", "Sultanate", "Principality", "Airport",
    "Port", "Party", "Library", "Basilica", "Monastery", "Abbey", "Madrasa"})

#: Lower-case nouns that, right after a capitalized name, make it the name of a thing
#: ("the New Glenn rocket", "Tony Moly cosmetics", "Lou Gehrig disease").
THING_NOUNS = frozenset("""
rocket rockets lander landers spacecraft capsule mission missions probe satellite telescope
app apps game games series show shows film films movie movies album albums song songs single
book books novel novels console consoles controller controllers phone phones smartphone
smartphones laptop laptops tablet tablets watch watches smartwatch device devices car cars
truck trucks sedan sedans suv suvs vehicle vehicles model models brand brands platform
platforms service services system systems program programs programme software tool tools
feature features mode modes engine engines disease diseases syndrome virus vaccine drug drugs
court stadium arena hotel hotels restaurant restaurants bar cafe store stores shop shops
company companies firm firms agency studio studios label team teams club franchise network
channel newspaper magazine podcast festival award awards prize cosmetics products product
headphones earbuds speaker speakers camera cameras drone drones chip chips processor
subscription edition version update kit bundle theater theatre center centre building
airport station campus index fund stock shares bond bonds exchange conference summit
project initiative trial act law bill doctrine effect theory theorem algorithm framework
library protocol language browser website site channel account handle hashtag trophy cup
operation coalition organization organisation group party unit movement militia
documentary special injury
manufacturer manufacturers maker makers retailer retailers distributor distributors supplier
suppliers startup start-up bank banks lender insurer publisher publishers chain carrier
airline automaker wholesaler marketplace nonprofit charity university school museum gallery
foundation institute college consultancy brokerage conglomerate subsidiary reinsurer
cooperative cooperatives co-op co-ops
tanker freighter vessel ship ferry trawler yacht liner barge tugboat frigate destroyer
submarine cruiser schooner
""".split())

#: Role nouns a firm takes as often as a person ("the developer X", "the broker X", "the
#: commodity trader X"): after a determiner they say neither, and the rest of what the
#: collection says of the name decides (:func:`searchapp.ingest.persons.evidence.verdict`).
FIRM_ROLES = frozenset("""
developer developers broker brokers contractor contractors investor investors trader
traders builder builders dealer dealers operator operators homebuilder housebuilder
""".split())

#: Lower-case nouns for what persons are, seen right before a name ("singer Ally Brooke")
#: or after it in an apposition ("Kurt Volker, the former special envoy").
ROLE_NOUNS = frozenset("""
president vice chairman chairwoman chair ceo cfo coo cto founder cofounder co-founder owner
director executive manager head chief officer spokesman spokeswoman spokesperson
representative senator governor mayor minister secretary ambassador envoy diplomat official
lawmaker congressman congresswoman politician candidate leader adviser advisor aide counsel
attorney lawyer solicitor barrister judge justice prosecutor commissioner superintendent sheriff detective
officer commander general colonel captain lieutenant sergeant soldier veteran
professor lecturer teacher student researcher scientist economist analyst strategist
expert author writer novelist poet journalist reporter correspondent columnist editor
critic reviewer choreographer blogger host anchor presenter producer filmmaker director actor actress comedian
singer songwriter rapper musician pianist violinist cellist composer guitarist drummer dancer artist painter
photographer designer architect engineer developer programmer inventor entrepreneur
investor banker trader businessman businesswoman mogul billionaire millionaire tycoon
player quarterback pitcher striker goalkeeper keeper coach manager athlete swimmer runner
diver boxer wrestler golfer champion winger defenseman forward midfielder defender captain
doctor physician surgeon nurse psychiatrist psychologist therapist neurologist dentist
pastor priest bishop rabbi imam pope cardinal monk nun activist organizer volunteer
farmer socialist democrat republican liberal conservative communist activist worker employee staffer intern resident citizen mother father son daughter wife
husband brother sister uncle aunt grandmother grandfather cousin widow friend partner
girlfriend boyfriend fiance fiancee king queen prince princess emperor duke duchess lord
lady sir dame member fellow man woman boy girl guy person teenager child chef historian philosopher scholar curator librarian pilot
astronaut planner consultant agent broker contractor plumber electrician technician
instructor trainer tutor mentor moderator panelist illustrator narrator translator
interviewer biologist chemist physicist mathematician neuroscientist ecologist botanist
sociologist anthropologist psychologist linguist archaeologist geologist astronomer
sculptor novelist playwright screenwriter cinematographer documentarian dietitian
nutritionist pharmacist veterinarian paramedic firefighter officer
dean provost councilmember councilman councilwoman councillor alderman alderwoman elder
""".split())

#: Verbs that, before a name, make it the speaker: "said X" (not "told X": a listener).
SPEECH_BEFORE = frozenset("""
said says added adds wrote writes explained explains noted notes recalled recalls argued
argues insisted insists replied replies stated states claimed claims warned warns remarked
remarks continued continues tweeted tweets
""".split())
#: Verbs of speech and report: "X said", "said X", "according to X".
SPEECH_VERBS = frozenset("""
said says say told tells added adds asked asks wrote writes tweeted tweets explained explains
noted notes recalled recalls argued argues insisted insists replied replies answered answers
stated states claimed claims warned warns acknowledged acknowledges admitted admits
announced announces declared declares remarked remarks testified testifies urged urges
continued continues laughed laughs joked jokes agreed agrees denied denies confirmed
confirms suggested suggests believes believed thinks thought
""".split())

#: A person's relatives and close companions: "her husband, John" names John by his given
#: name (so a lone "John" there is nobody's family name).
RELATIVES = frozenset("""
wife husband son sons daughter daughters mother father brother brothers sister sisters
parents children kids widow widower fiance fiancee girlfriend boyfriend partner friend
friends ex-wife ex-husband grandson granddaughter nephew niece uncle aunt cousin
grandmother grandfather stepson stepdaughter stepfather stepmother child baby
""".split())
#: After "X's": relatives and belongings only a person has ("Musk's company" is a person's).
KIN_NOUNS = RELATIVES | frozenset("""
family lawyer attorney spokesman spokeswoman spokesperson campaign career life death
birthday funeral office administration presidency tenure election reelection re-election
resignation testimony lawsuit arrest trial conviction sentencing memoir autobiography
biography company
""".split())

#: Personal pronouns that refer back to a person (not "it", "its", "they").
PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})

#: Titles after a Korean name in Hangul (대통령 "president", 기자 "reporter", 씨 "Mr./Ms." ...)
#: and after a Chinese one (主席 "chairman", 总统 "president", 先生 "Mr." ...): a native-script
#: form followed by one stands where a name stands.
NATIVE_TITLES = (
    "대통령", "전 대통령", "당선인", "총리", "국무총리", "위원장", "국무위원장", "총비서", "주석",
    "장관", "차관", "의원", "대표", "원내대표", "의장", "총장", "회장", "부회장", "사장", "대표이사",
    "이사", "교수", "박사", "기자", "특파원", "앵커", "작가", "감독", "배우", "선수", "씨", "여사",
    "군", "양", "님", "총재", "지사", "시장", "구청장", "판사", "검사", "변호사", "대사", "외교부",
    "主席", "总统", "總統", "总理", "總理", "总书记", "總書記", "部长", "部長", "外长", "外長", "先生",
    "女士", "小姐", "同志", "委员长", "委員長", "书记", "書記", "记者", "記者", "教授", "博士", "首相",
    "大臣", "長官", "长官", "議員", "议员", "代表", "会長", "社長", "氏", "さん", "대변인", "비서실장",
)
#: The commonest Korean family names (one syllable; two-syllable ones are rare), as one string.
KOREAN_FAMILY_NAMES = ("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구"
              "민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어"
              "은편용예경봉사부가복태목형피두감")
#: The commonest Chinese family names (one character, simplified and traditional), as one string.
CHINESE_FAMILY_NAMES = ("王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯"
              "馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范"
              "金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬"
              "钱錢严嚴覃武戴莫孔向汤湯习習赖賴萧蕭简簡詹游柯翁洪傅卓康施温溫邢岳柳欧歐殷鲍鮑俞倪樊"
              "葛纪紀牛齐齊凌庞龐聂聶甘申艾祁霍阮蒙乔喬宁寧左关關骆駱耿管翟易季梅裴包"
              # common in Hong Kong and Cantonese news ("甄卓賢", "冼振邦", "麥嘉欣"), leaving
              # out those that are everyday words too (区/區 "district", 文, 利, 卫/衛)
              "麦麥岑伍冼甄鄺邝阎閻饶饒巫容邬鄔庄莊")
#: Chinese family names of two characters (simplified and traditional): "欧阳文博", "司徒健恒";
#: the compound names of the Hundred Family Surnames (百家姓), less 第五 and 百里 (words
#: first: "第五届", "百里之外").
CHINESE_COMPOUND_FAMILY_NAMES = (
    "欧阳", "歐陽", "司徒", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐", "司马", "司馬",
    "夏侯", "尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司空", "端木", "澹台",
    "万俟", "萬俟", "闻人", "聞人", "赫连", "赫連", "公羊", "公冶", "宗政", "濮阳", "濮陽", "淳于",
    "单于", "單于", "太叔", "申屠", "仲孙", "仲孫", "轩辕", "軒轅", "钟离", "鍾離", "鲜于", "鮮于",
    "闾丘", "閭丘", "司寇", "亓官", "子车", "子車", "颛孙", "顓孫", "巫马", "巫馬", "公西", "漆雕",
    "乐正", "樂正", "壤驷", "壤駟", "公良", "拓跋", "夹谷", "夾谷", "宰父", "谷梁", "穀梁", "段干",
    "東郭", "东郭", "南门", "南門", "呼延", "羊舌", "微生", "梁丘", "左丘", "东门", "東門", "西门",
    "西門", "南宫", "南宮")
#: Company and office ranks after a Korean name ("정민호 상무"), beside :data:`NATIVE_TITLES`.
KOREAN_RANKS = (
    "상무", "전무", "부사장", "연구원", "원장", "청장", "처장", "국장", "실장", "본부장", "부장",
    "팀장", "과장", "소장", "센터장", "단장")
#: Korean particles that follow a name inside one Hangul run ("김정은은", "시진핑이").
KOREAN_PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "에게", "께서", "와", "과", "도",
                    "만", "에", "로", "으로", "이다", "였다", "이었다", "측", "씨")
#: A byline opens with these in Korean and Chinese news ("글 김민지", "사진=연합뉴스").
NATIVE_BYLINE = ("글", "사진", "기자", "글·사진", "취재", "작성자", "編輯", "编辑", "記者", "记者", "文",
                 "撰文")
#: ... and the roles Korean pages print after the reporter's name ("박서연 기자", "김철수
#: 특파원": reporter, correspondent, stringer).
KOREAN_ROLES_AFTER = ("기자", "특파원", "통신원")

#: Degrees and professional credentials written after a person's name ("Jane Roe, Ph.D.",
#: "Lee Poe, CPA"): a name followed by one is a person's, and the credential itself is
#: never a place.  Regex alternatives, dots optional.
CREDENTIALS = (
    r"Ph\.?\s?D\.?|M\.?D\.?|M\.?B\.?A\.?|M\.?P\.?H\.?|M\.?S\.?W\.?|M\.?S\.?N\.?|M\.?Sc\.?|"
    r"M\.?S\.?|M\.?A\.?|B\.?A\.?|B\.?S\.?|B\.?Sc\.?|J\.?D\.?|LL\.?M\.?|D\.?O\.?|D\.?D\.?S\.?|"
    r"D\.?M\.?D\.?|D\.?V\.?M\.?|Pharm\.?\s?D\.?|Ed\.?\s?D\.?|Psy\.?\s?D\.?|D\.?N\.?P\.?|"
    r"R\.?N\.?|N\.?P\.?|P\.?A\.?-C|R\.?D\.?N?\.?|L\.?C\.?S\.?W\.?|L\.?P\.?C\.?|C\.?P\.?A\.?|"
    r"C\.?F\.?A\.?|C\.?F\.?P\.?|E\.?A\.?|P\.?E\.?|Esq\.?|FACP|FACS|FRCP|FAAP|CSCS|RDN|"
    r"E-RYT(?:[ \t]?\d+)?|RYT(?:[ \t]?\d+)?|ACAS|FCAS|ASA|FSA"
)

#: Verbs of a life, after a name: only a person is born, marries or retires.
LIFE_VERBS = frozenset("""
born died dies married marries graduated graduates retired retires grew raised studied
studies passed
""".split())

#: Verbs that, after a name, make it a product or a company: "Acme offers", "Nimbus lets you".
THING_VERBS = frozenset("""
offers provides supports allows lets enables integrates includes features costs charges
ships syncs stores
""".split())

#: Verbs before a name that make it a tool, a product or a service: "using Nimbus", "download
#: Acme", "powered by Zephyr".
USE_VERBS = (r"use|uses|using|used|install|installs|installing|installed|download|downloads|"
             r"downloading|downloaded|subscribe[ \t]+to|subscribed[ \t]+to|sign[ \t]+up[ \t]+for|"
             r"signed[ \t]+up[ \t]+for|powered[ \t]+by|built[ \t]+(?:on|with)|integrates?[ \t]+with|"
             r"integrated[ \t]+with|switch(?:ed)?[ \t]+to|upgrade[ \t]+to|deploy|deploying|"
             r"deployed|configure|configuring|run|running")

#: Nouns that, after "X's", make X a thing or a company rather than a person ("Nimbus's
#: pricing", "Acme's customers") -- besides THING_NOUNS.
THING_BELONGINGS = frozenset("""
pricing prices price plans plan customers users clients subscribers menu interior
integrations integration interface dashboard catalog catalogue inventory locations
headquarters revenue stock shares lineup coverage policies premiums app apps platform
software features feature products services tools api extension plugin
""".split())
