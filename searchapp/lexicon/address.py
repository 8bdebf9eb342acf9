"""Forms of address of the world's languages: a closed class per language, declared once.

Honorifics, courtesy and kinship terms of address, religious, chiefly and professional
titles written before (or after) a personal name, grouped by language, each group with
the reference it follows (the grammar of address of that language as its Wikipedia
article on names or honorifics describes it).  Written from those references, not from
any benchmark page.  Each entry is classed by how often it is also a name word, which
decides how much evidence the persons stage needs to cut it from a name:

* ``titles``: never a name word, and part of the titles regex
  (:data:`searchapp.lexicon.TITLES`): the recognizer's rules cut it and read it as a
  title cue ("Sister Brigid");
* ``before``: never a name word in practice ("Daw", "Oknha", "Weyzero"): cut wherever it
  begins a name the model found (:mod:`searchapp.ingest.persons.address`);
* ``shared``: also a given or family name, an initial, a place's first word or a common
  word ("U", "Ko", "Pak", "Sri", "Mae"): a title only where the document writes the rest
  of the name without it and never the word by itself;
* ``single``: shared words before a single name or a given name in their language
  (Indonesian "Pak Karyono", Polish "Pan Nowak"), where the document writing the one
  word after them alone is evidence enough (for the other shared words one word alone is
  the shape of "Nan Goldin" then "Goldin": a family name);
* ``given``: also a given name before a family name ("Don", "Dom"): a title only where
  the document writes the rest again as a full name;
* ``after``: written after the name ("Ahmet Bey", "Parvaneh Khanom", "Pemba Dai"): cut
  where the document never writes the word by itself.

A word listed in two classes (in two languages) takes the more careful one: ``shared``
and ``given`` win over ``before``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Address:
    """The forms of address of one language (or a group of related languages)."""

    language: str
    source: str
    titles: tuple[str, ...] = ()
    before: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()
    single: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


LANGUAGES: tuple[Address, ...] = (
    # -- Europe ---------------------------------------------------------------------
    Address("English", "Wikipedia 'English honorifics', 'Style (form of address)', "
            "'Ecclesiastical titles and styles'",
            titles=("Reverend", "Rev.", "Pastor", "Father", "Sister", "Brother", "Cardinal",
                    "Bishop", "Archbishop"),
            before=("Grandmother", "Grandfather", "Grandma", "Grandpa", "Granny", "Auntie",
                    "Aunty", "Aunt", "Uncle", "Elder", "Venerable", "Ven.", "Deacon",
                    "Deaconess", "Apostle", "Prophet", "Prophetess", "Evangelist", "Friar",
                    "Abbot", "Abbess", "Vicar", "Chaplain", "Madam", "Mister", "Comrade",
                    "Honourable", "Honorable", "Hon.", "Excellency", "Chief", "Patriarch",
                    "Archimandrite", "Archpriest", "Monsignor", "Msgr."),
            shared=("Master", "Metropolitan")),
    Address("French", "Wikipedia 'French honorifics', 'Maître (title)'",
            titles=("Madame", "Mme", "Monsieur", "Mademoiselle", "Maître", "Monseigneur"),
            before=("Mlle", "Mgr", "Abbé", "Frère", "Sœur", "Docteur", "Tonton", "Tantine",
                    "Maman")),
    Address("Spanish", "Wikipedia 'Spanish honorifics', 'Don (honorific)'",
            titles=("Doña", "Señor", "Señora", "Licenciado", "Licenciada", "Lic.", "Ingeniero"),
            before=("Señorita", "Sr.", "Sra.", "Srta.", "Dra.", "Doctora", "Tío", "Tía", "Padre",
                    "Fray", "Sor", "Abuela", "Abuelo", "Compañero", "Compañera", "Profe",
                    "Maestro", "Maestra", "Comandante", "Madre"),
            given=("Don",)),
    Address("Portuguese", "Wikipedia 'Portuguese honorifics', 'Dom (title)'",
            titles=("Dona", "Senhor", "Senhora", "Doutor", "Doutora"),
            before=("Frei", "Irmã", "Irmão", "Vovó", "Vovô", "Mestre", "Mãe"),
            shared=("Seu", "Tio", "Tia", "Pai"),
            given=("Dom",)),
    Address("Italian", "Wikipedia 'Italian honorifics'",
            titles=("Signor", "Signora", "Dottore", "Dott.", "Avvocato", "Avv.", "Ingegnere",
                    "Ing."),
            before=("Signorina", "Sig.", "Sig.ra", "Dott.ssa", "Dottoressa", "Onorevole",
                    "Cavaliere", "Cav.", "Commendatore", "Ragioniere", "Rag.", "Geometra",
                    "Geom.", "Professoressa", "Suor", "Nonna", "Nonno", "Zio"),
            shared=("Fra",)),
    Address("German", "Wikipedia 'German honorifics'",
            titles=("Frau", "Herr"),
            before=("Fräulein", "Hr.", "Oma", "Opa", "Tante", "Onkel", "Schwester", "Pfarrer",
                    "Bruder", "Doktor")),
    Address("Dutch and Afrikaans", "Wikipedia 'Dutch honorifics', 'Afrikaans' (forms of "
            "address)",
            titles=("Tannie", "Oom", "Mevrou", "Meneer", "Mevrouw"),
            before=("Juffrouw", "Mnr.", "Mev.", "Mw.", "Dhr.", "Ouma", "Oupa", "Dominee",
                    "Ds.")),
    Address("Scandinavian, Finnish, Estonian, Icelandic", "Wikipedia 'Swedish language' "
            "(titles), 'Finnish name', 'Estonian name', 'Icelandic name'",
            before=("Fru", "Fröken", "Frøken", "Herra", "Rouva", "Neiti", "Härra", "Proua",
                    "Preili", "Séra")),
    Address("Polish", "Wikipedia 'Polish name' (forms of address)",
            titles=("Pani",),
            before=("Panna", "Ksiądz", "Ks."),
            single=("Pan",)),
    Address("Czech and Slovak", "Wikipedia 'Czech name' (forms of address)",
            before=("Paní", "Pán", "Slečna", "Babička", "Dědeček")),
    Address("Hungarian", "Wikipedia 'Hungarian names' (forms of address)",
            after=("Úr", "Asszony", "Néni", "Bácsi")),
    Address("Romanian", "Wikipedia 'Romanian name' (forms of address)",
            before=("Doamna", "Domnul", "Domnișoara", "Dna", "Dna.", "Dl.", "Părintele",
                    "Tanti")),
    Address("Albanian", "Wikipedia 'Albanian name' (forms of address)",
            before=("Zoti", "Zonja", "Zonjusha")),
    Address("Maltese, Catalan, Basque", "Wikipedia 'Maltese honorifics', 'Mossèn'",
            before=("Sinjura", "Senyor", "Senyora", "Mossèn"),
            shared=("Dun",)),
    Address("Greek", "Wikipedia 'Greek honorifics', 'Greek name'",
            before=("Kyria", "Kyrios", "Despoinis", "Yiayia",
                    "Giagia", "Pappous", "Pappou"),
            # "Kyrie" (the vocative) is an English given name too: Kyrie Irving
            shared=("Kyra", "Kyrie")),
    Address("Russian, Ukrainian, Belarusian", "Wikipedia 'Eastern Slavic naming customs' "
            "(forms of address), 'Russian Orthodox clergy' (styles)",
            before=("Gospodin", "Gospozha", "Tovarishch", "Batyushka", "Matushka", "Otets",
                    "Dyadya", "Tyotya", "Dedushka", "Babushka", "Vladyka", "Hegumen",
                    "Igumen", "Spadar", "Spadarynya", "Commissar")),
    Address("Serbian, Croatian, Bosnian, Bulgarian", "Wikipedia 'South Slavic honorifics', "
            "'Bulgarian name'",
            before=("Gospodja", "Gospođa", "Gospođica", "Čika", "Vladika"),
            shared=("Bai", "Baba", "Hadži")),
    Address("Baltic", "Wikipedia 'Lithuanian name', 'Latvian name' (forms of address)",
            before=("Ponas", "Ponia", "Panelė", "Kunigas"),
            after=("Kungs", "Kundze")),
    # -- Caucasus and Central Asia -----------------------------------------------------
    Address("Georgian", "Wikipedia 'Georgian name' (Batono, Kalbatono)",
            before=("Batono", "Kalbatono", "Kalbatoni", "Bidzia", "Deida", "Bebia", "Babua"),
            shared=("Mama",)),
    Address("Armenian", "Wikipedia 'Armenian name' (Paron, Tikin), 'Armenian Apostolic "
            "Church' (Ter, Vardapet)",
            before=("Paron", "Tikin", "Digin", "Oriord", "Vardapet", "Hayr", "Tatik", "Papik"),
            shared=("Ter",)),
    Address("Azerbaijani", "Wikipedia 'Azerbaijani name' (forms of address)",
            before=("Cənab",),
            after=("Xanım", "Müəllim", "Müəllimə", "Bəy", "Həkim")),
    Address("Turkish", "Wikipedia 'Turkish name' (honorifics)",
            titles=("Sayın", "Başkan", "Hoca"),
            shared=("Hacı",),
            after=("Bey", "Hanım", "Hanim", "Efendi", "Paşa", "Pasha", "Ağa", "Abla", "Ağabey",
                   "Abi", "Teyze", "Amca", "Dayı", "Usta")),
    Address("Kazakh, Kyrgyz, Uzbek, Turkmen, Tajik", "Wikipedia 'Kazakh name', 'Uzbek name', "
            "'Tajik name' (forms of address)",
            before=("Myrza", "Janob", "Ustoz", "Ustod"),
            shared=("Hoji",),
            after=("Aga", "Apai", "Ağa", "Aka", "Opa", "Xonim", "Khanym", "Hanym", "Baike",
                   "Eje", "Domla", "Ako", "Bobo")),
    Address("Mongolian", "Wikipedia 'Mongolian name' (forms of address)",
            after=("Guai", "Bagsh")),
    # -- Middle East and North Africa ----------------------------------------------------
    Address("Arabic", "Wikipedia 'Arabic name' (honorifics), 'Sheikh', 'Hajji', 'Sayyid'",
            titles=("Sheikh", "Sheikha", "Imam", "Eng."),
            before=("Shaykh", "Ustaz", "Ustadh", "Ustadha", "Ustaza", "Hajjah", "Hajja",
                    "Hagga", "Hagg", "Sitt", "Sayyida", "Sayyidah", "Abouna",
                    "Khalto"),
            shared=("Qadi", "Mufti", "Haj", "Hajj", "Hajji", "Sidi", "Shaikh", "Amo"),
            after=("Effendi",)),
    Address("Maghrebi Arabic and Berber (Morocco, Algeria, Tunisia)", "Wikipedia 'Moroccan "
            "names' (Lalla, Moulay, Sidi, Si), 'Kabyle people' (Dda, Nna)",
            before=("Lalla", "Moulay", "Mulay", "Dda", "Lhajja"),
            shared=("Cheikh", "Si", "Hadj", "Lhaj", "Elhadj")),
    Address("Persian and Kurdish", "Wikipedia 'Persian name' (honorifics: Agha, Khanom, Haj, "
            "Ostad), 'Kurdish name' (Kak, Mam)",
            titles=("Ayatollah",),
            before=("Khanom", "Ostad", "Jenab", "Jenabe", "Hojatoleslam", "Hojjatoleslam",
                    "Mullah", "Khaleh", "Ameh", "Xatû"),
            shared=("Kak", "Akhund", "Agha", "Aqa", "Kaka", "Mam"),
            after=("Khanom", "Khanum", "Khanoum", "Khanim", "Agha", "Aqa")),
    Address("Hebrew and Yiddish", "Wikipedia 'Hebrew name' (forms of address), 'Rabbi', "
            "'Rebbetzin'",
            titles=("Rabbi",),
            before=("Rav", "Harav", "Reb", "Rebbetzin", "Geveret", "Savta", "Bubbe", "Zeyde"),
            shared=("Mar", "Adon", "Saba")),
    Address("Syriac and Coptic", "Wikipedia 'Syriac Orthodox Church' (Mar, Mor), 'Abuna'",
            before=("Abuna", "Anba"),
            shared=("Mor",)),
    # -- Africa --------------------------------------------------------------------------
    Address("Amharic, Tigrinya, Oromo", "Wikipedia 'Ethiopian name' (Ato, Weyzero, Weyzerit), "
            "'Ethiopian aristocratic and court titles', 'Oromo name' (Obbo, Aadde)",
            before=("Weyzero", "Woizero", "Woyzero", "W/ro", "Weyzerit", "Woizerit",
                    "W/t", "Emahoy", "Abune", "Memhir", "Mergeta", "Dejazmach", "Fitawrari",
                    "Grazmach", "Kegnazmach", "Blatta", "Lij", "Leul", "Etiye", "Gashe",
                    "Obbo", "Aadde", "Qes", "Kesis"),
            shared=("Ato", "Abba", "Ras")),
    Address("Somali", "Wikipedia 'Somali name' (honorifics)",
            before=("Xaaji", "Xaajiyad", "Macallin", "Macalin", "Hooyo", "Aabo", "Eedo", "Abti",
                    "Walaal", "Sheekh", "Ustaad"),
            shared=("Ina",)),
    Address("Swahili", "Wikipedia 'Swahili language' (forms of address: Mzee, Bwana, Bi, "
            "Mwalimu)",
            titles=("Mzee", "Bwana"),
            before=("Mwalimu", "Ndugu", "Shangazi", "Mjomba", "Shehe", "Mheshimiwa", "Mhe."),
            shared=("Bi", "Bibi", "Dada", "Mama")),
    Address("Hausa, Fulani, Kanuri", "Wikipedia 'Hausa name' (Alhaji, Hajiya, Malam), "
            "'Fula people' (Ardo, Lamido, Modibbo)",
            titles=("Alhaji", "Alhaja", "Hajiya", "Hajia", "Mallam"),
            before=("Malam", "Malama", "Ardo", "Modibbo", "Sarkin"),
            shared=("Lamido", "Mai", "Thierno", "Tierno", "Cerno")),
    Address("Yoruba", "Wikipedia 'Yoruba name' (honorifics and titles of address)",
            before=("Oloye", "Ogbeni", "Arabinrin", "Alagba", "Egbon", "Olori", "Yeye", "Iya"),
            shared=("Oba", "Oga")),
    Address("Igbo", "Wikipedia 'Igbo name', 'Igbo title system' (Ichie, Ozo, Lolo)",
            before=("Ichie", "Nwanne", "Deede", "Nne"),
            shared=("Ozo", "Igwe", "Eze", "Lolo", "Nna", "Dede")),
    Address("Akan, Ewe, Ga (Ghana, Togo)", "Wikipedia 'Akan names' (Nana, Opanin, Maame), "
            "'Ewe people' (Togbe)",
            titles=("Togbe", "Opanin"),
            before=("Agya", "Egya", "Togbui", "Okyeame", "Osagyefo", "Otumfuo"),
            # "Maame" is a given name too (Maame Biney)
            shared=("Naa", "Papa", "Maame")),
    Address("Wolof, Mandinka", "Wikipedia 'Wolof name' (Serigne, Sokhna)",
            before=("Serigne", "Sokhna", "Borom"),
            shared=("Mame", "Baye", "Ndeye")),
    Address("Zulu, Xhosa, Sotho, Tswana, Shona", "Wikipedia 'Zulu name', 'Xhosa name', "
            "'Sotho name', 'Shona name' (kinship terms of address)",
            before=("Mkhulu", "Makhulu", "Bhuti", "Ntate", "Ausi", "Abuti", "Malome", "Rre",
                    "Mma", "Tatomkhulu", "Umfundisi", "Mfundisi", "Inkosi", "Induna",
                    "Sekuru", "Ambuya", "Amai", "Sesi"),
            shared=("Gogo", "Sisi", "Tata", "Nkosi", "Morena")),
    Address("Malagasy", "Wikipedia 'Malagasy name' (Ramatoa, Rangahy, Andriamatoa)",
            before=("Ramatoa", "Rangahy", "Andriamatoa", "Ingahy", "Dadabe", "Neny", "Zoky")),
    Address("Haitian Creole and West African French", "Wikipedia 'Haitian Creole' (forms of "
            "address)",
            before=("Manman", "Misye", "Matant", "Mèt", "Houngan", "Manbo"),
            shared=("Met",)),
    # -- South Asia -----------------------------------------------------------------------
    Address("Hindi, Urdu, Punjabi", "Wikipedia 'Indian honorifics' (Shri, Shrimati, Ji, "
            "Sahib), 'Pakistani honorifics'",
            titles=("Shri", "Shrimati", "Swami", "Mahant"),
            before=("Shree", "Smt.", "Smt", "Sushri", "Pt.", "Mahatma", "Maulana", "Maulvi",
                    "Mawlawi", "Qari", "Janab", "Hazrat", "Sahibzada", "Sadhvi", "Sardarni",
                    "Jathedar", "Jagadguru", "Shankaracharya", "Pujya",
                    "Sadhguru"),
            shared=("Bhagwan", "Giani", "Sri", "Kumari", "Pandit", "Acharya", "Guru", "Sant",
                    "Begum", "Chaudhry",
                    "Chaudhary", "Chowdhury", "Choudhury", "Mian", "Sardar", "Nawab", "Raja",
                    "Rani", "Hafiz", "Haji", "Pir", "Khawaja", "Malik", "Didi", "Chacha"),
            after=("Apa", "Bhai", "Sahib", "Saheb", "Sahab", "Saab", "Baji",
                   "Bhabhi", "Bhaiya", "Bhaiyya", "Didi", "Chacha", "Maharaj", "Swamiji",
                   "Guruji", "Babaji", "Mataji")),
    Address("Bengali and Nepali", "Wikipedia 'Bengali name' (Babu, Dada, Didi), 'Nepali "
            "honorifics' (Dai, Didi, Bahini, Ji)",
            after=("Dai", "Daju", "Bahini", "Baje", "Bajai", "Dada", "Mashi")),
    Address("Tamil, Telugu, Kannada, Malayalam", "Wikipedia 'Tamil name' (Thiru, "
            "Thirumathi, Selvi), 'Telugu name' (Garu), kinship address (Akka, Anna, Amma)",
            before=("Thirumathi", "Tmt."),
            shared=("Thiru", "Selvi"),
            after=("Akka", "Amma", "Ayya", "Thambi", "Garu", "Avaru", "Chettan",
                   "Chechi", "Appa")),
    Address("Sinhala", "Wikipedia 'Sinhalese name' (Mahattaya, Hamu, Thero)",
            after=("Mahattaya", "Mahathaya", "Hamu", "Hamuduruwo", "Thero", "Thera", "Nona",
                   "Aiya", "Nangi", "Malli")),
    Address("Pashto and Dari", "Wikipedia 'Pashtun name', 'Afghan name' (honorifics; Mullah, "
            "Mawlawi, Haji as in Persian, Urdu)",
            shared=("Lala",)),
    Address("Tibetan, Bhutanese, Sherpa", "Wikipedia 'Tibetan name' (Geshe, Khenpo, "
            "Rinpoche), 'Bhutanese name' (Dasho, Aum)",
            before=("Dasho", "Aum", "Lopen", "Geshe", "Khenpo", "Tulku"),
            shared=("Lama", "Ani"),
            after=("Rinpoche",)),
    # -- Southeast Asia -------------------------------------------------------------------
    Address("Burmese, Karen, Shan, Mon, Kachin", "Wikipedia 'Burmese names' (honorifics: U, "
            "Daw, Ko, Ma, Maung, Saya; Karen Saw, Naw; Shan Sai, Nang, Sao; Mon Nai, Mi)",
            before=("Daw", "Sayadaw", "Bhaddanta", "Thakin",
                    "Bogyoke", "Sawbwa", "Duwa"),
            shared=("Ashin", "Sayama", "Saya", "U", "Ko", "Ma", "Maung", "Mg", "Bo", "Naw", "Saw",
                    "Nan", "Nant", "Sai",
                    "Nang", "Sao", "Mahn", "Nai", "Mi", "Hkun")),
    Address("Thai", "Wikipedia 'Thai honorifics' (Khun, Nai, Nang, Phra, Ajarn)",
            titles=("Khun",),
            before=("Ajarn", "Ajahn", "Achan", "Nangsao", "Kru", "Khru", "Somdet", "Kamnan",
                    "Phuyaiban"),
            shared=("Phra", "Luang", "Mae", "Pho", "Lung", "Pa", "Phi", "Nong", "Yai", "Than",
                    "Chao", "Mom")),
    Address("Lao", "Wikipedia 'Lao name' (Thao, Nang, Sao)",
            before=("Ajan", "Euay"),
            shared=("Thao",)),
    Address("Khmer", "Wikipedia 'Khmer name' (honorifics: Lok, Lok Srey, Neak, Samdech, "
            "Oknha), 'Cambodian titles'",
            before=("Oknha", "Samdech", "Yeay"),
            shared=("Srey", "Lok", "Neak", "Bong", "Ming", "Om", "Pu", "Preah")),
    Address("Vietnamese", "Wikipedia 'Vietnamese name' (pronouns of address: Ông, Bà, "
            "Anh, Chị, Cô, Chú, Bác, Thầy)",
            before=("Ông", "Bà", "Chị", "Cô", "Chú", "Bác", "Thầy", "Cụ"),
            shared=("Anh", "Em", "Ong", "Ba", "Co", "Chu", "Bac", "Thay")),
    Address("Malay and Indonesian", "Wikipedia 'Malay styles and titles', 'Indonesian "
            "honorifics' (Bapak, Ibu, Pak, Bu, Mas, Mbak)",
            titles=("Encik", "Puan", "Bapak", "Ibu", "Datuk", "Datin"),
            before=("Cik", "Dato", "Dato'", "Hajah", "Ustazah", "Cikgu", "Pakcik", "Makcik",
                    "Abang", "Adik", "Atuk", "Nenek", "Opah", "YB", "YAB", "YBhg", "Mbak",
                    "Mpok", "Nyonya", "Eyang", "Mbah", "Kiai", "Kyai", "KH", "Suster",
                    "Pendeta", "Ir.", "Drs.", "Kanjeng", "Cak"),
            single=("Pak", "Bu"),
            shared=("Romo", "Tuan", "Tan", "Tun", "Toh", "Seri", "Tengku", "Tunku",
                    "Engku", "Mak", "Tok", "Bang", "Mas", "Mba", "Kang", "Teh", "Neng", "Om",
                    "Gus", "Habib", "Raden", "Gusti", "Nona")),
    Address("Filipino (Tagalog, Visayan) and Moro", "Wikipedia 'Filipino styles and "
            "honorifics' (Ginoo, Ginang, Binibini, Kuya, Ate, Manong)",
            before=("Ginoo", "Ginang", "Gng.", "Binibini", "Bb.", "Aling", "Kuya", "Manong",
                    "Manang", "Nanay", "Tatay"),
            shared=("Ka", "Mang", "Ate", "Lola", "Lolo", "Tito", "Tita", "Inday", "Datu",
                    "Sultan", "Hadji", "Apo")),
    # -- East Asia (romanized) ------------------------------------------------------------
    Address("Chinese (Mandarin, Cantonese, Hokkien), romanized", "Wikipedia 'Chinese "
            "honorifics' (Xiansheng, Laoshi, Shifu; Cantonese Gor, Jie)",
            shared=("Ah", "Lao", "Xiao"),
            after=("Xiansheng", "Laoshi", "Nüshi", "Nushi", "Taitai", "Shifu", "Sifu", "Gege",
                   "Jiejie", "Ayi", "Shushu", "Laoban", "Gor")),
    Address("Japanese, romanized", "Wikipedia 'Japanese honorifics' (san, sama, kun, sensei)",
            after=("Sama", "Sensei", "Senpai", "Dono", "Hakase")),
    Address("Korean, romanized", "Wikipedia 'Korean honorifics' (ssi, nim, seonsaengnim, "
            "oppa, unni, hyung)",
            after=("Ssi", "Nim", "Seonsaengnim", "Seonsaeng", "Sunbae", "Oppa", "Unni", "Eonni",
                   "Noona", "Nuna", "Hyung", "Hyeong", "Ajumma", "Ajusshi", "Ahjussi",
                   "Halmeoni", "Harabeoji", "Samonim", "Sajangnim", "Sabunim")),
    # -- Pacific --------------------------------------------------------------------------
    Address("Fijian", "Wikipedia 'Fijian traditional titles' (Ratu, Adi, Ro, Roko)",
            before=("Ratu", "Roko", "Turaga"),
            shared=("Adi", "Ro")),
    Address("Tongan and Samoan", "Wikipedia 'Tongan name', 'Fa'amatai' (Afioga, Susuga)",
            before=("Afioga", "Susuga", "Faifeau"),
            shared=("Kui", "Tui")),
    Address("Māori and Hawaiian", "Wikipedia 'Māori name' (Kuia, Kaumātua, Whaea), "
            "'Hawaiian name' (Tūtū, Kumu)",
            before=("Kuia", "Kaumatua", "Kaumātua", "Whaea", "Rangatira", "Tohunga", "Tūtū",
                    "Kumu"),
            shared=("Kahu", "Koro", "Matua", "Ariki", "Marama")),
    # -- Americas -------------------------------------------------------------------------
    Address("Quechua, Aymara, Guarani, Mapuche", "Wikipedia 'Quechua people' (Tayta, Mama), "
            "'Guaraní language' (Karai, Ña), 'Mapuche' (Lonko)",
            before=("Tayta", "Taita", "Karai", "Ña", "Ño", "Lonko"),
            shared=("Machi",)),
)


def _collect(attr: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for lang in LANGUAGES:
        for word in getattr(lang, attr):
            seen.setdefault(word, None)
    return tuple(seen)


#: Titles of faith, honour and address written before a name, never part of it, that the
#: titles regex holds (:data:`searchapp.lexicon.TITLES`).
ADDRESS_TITLES: tuple[str, ...] = _collect("titles")
#: Forms of address that are given names too ("Don Ramón Ruiz"; English "Don Ruiz").
ADDRESS_WORDS_GIVEN: frozenset[str] = frozenset(_collect("given"))
#: Shared forms of address before a single or given name, the word after them written
#: alone evidence enough ("Pak Karyono" ... "Karyono").
ADDRESS_WORDS_SINGLE: frozenset[str] = frozenset(_collect("single"))
#: Forms of address that are also names, initials, places' first words or common words.
ADDRESS_WORDS_SHARED: frozenset[str] = (frozenset(_collect("shared")) | ADDRESS_WORDS_SINGLE
                                        ) - ADDRESS_WORDS_GIVEN
#: Forms of address never a name word in practice, outside the titles regex: cut wherever
#: they begin a name.
ADDRESS_WORDS_BEFORE: frozenset[str] = (frozenset(_collect("before")) - ADDRESS_WORDS_SHARED
                                        - ADDRESS_WORDS_GIVEN - frozenset(ADDRESS_TITLES))
#: Forms of address written after a name ("Ahmet Bey", "Pemba Dai").
TITLES_AFTER: tuple[str, ...] = _collect("after")
#: Those of :data:`TITLES_AFTER` that are family or given names too (Chinese "Dai", West
#: African "Sama", Nigerian "Aka", "Eje", "Dada", Turkish "Usta", Afghan and Pakistani
#: "Agha", Indonesian "Effendi", Indo-Caribbean and South African "Maharaj", Indian
#: "Malli", Japanese "Ako", Armenian "Gor", English "Abi", "Nona", "Didi", "Thera",
#: "Bobo"): a title only where the page also writes the name before it by itself.
AFTER_NAMES_TOO: frozenset[str] = frozenset({
    "Dai", "Sama", "Aka", "Eje", "Dada", "Usta", "Aga", "Agha", "Effendi", "Maharaj",
    "Malli", "Ako", "Gor", "Abi", "Nona", "Didi", "Thera", "Bobo", "Appa", "Amma", "Opa",
    "Gege"}) & frozenset(TITLES_AFTER)
