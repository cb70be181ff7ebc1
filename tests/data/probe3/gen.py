#!/usr/bin/env python3
"""Generates probe set 3 (declarations.ndjson, labels.ndjson) in this folder.
Independent of dev, ../probe and ../probe2: terse trade descriptions (parts, model numbers, packaging,
abbreviations, typos), chemicals by trade names / salts / mixtures / odd CAS spellings, Dutch, Portuguese,
Czech, Romanian, Swedish, Arabic, Chinese and Japanese wording, look-alikes in those languages, UN-listed
entities as customs forms write them, and DPRK bans at chapter boundaries.
Labels follow the real control lists (CWC, AG, NSG, MTCR, Wassenaar, military lists, UN sanctions),
not Cordon's behaviour."""
import json, os
here = os.path.dirname(os.path.abspath(__file__))
EXP = [("Maas Handelsmaatschappij BV", "NL"), ("Lusitania Quimica Lda", "PT"), ("Moravia Trade a.s.", "CZ"),
       ("Carpati Industrial SRL", "RO"), ("Norrland Teknik AB", "SE"), ("Flanders Supply NV", "BE")]
CON = [("Sao Paulo Insumos Ltda", "BR"), ("Luanda Comercial Lda", "AO"), ("Dhaka Process Works Ltd", "BD"),
       ("Almaty Engineering LLP", "KZ"), ("Muscat Industrial Supplies LLC", "OM"), ("Colombo Trading (Pvt) Ltd", "LK"),
       ("Manila Technical Sales Inc", "PH"), ("Montevideo Industrial SA", "UY")]
decls, labels = [], []
n = [0]

def decl(prefix, items, parties=None, dest=None, dispatch=None, sanctions=False, embargo=False, transit=None):
    n[0] += 1
    ref = "P3-%s-%03d" % (prefix, n[0])
    if parties is None:
        e = EXP[n[0] % len(EXP)]; c = CON[n[0] % len(CON)]
        parties = [{"role": "exporter", "name": e[0], "country": e[1]}, {"role": "consignee", "name": c[0], "country": c[1]}]
    if dest is None:
        dest = [p["country"] for p in parties if p["role"] in ("consignee", "importer")][0]
    if dispatch is None:
        dispatch = [p["country"] for p in parties if p["role"] in ("exporter", "consignor")][0]
    its, labs = [], {}
    for i, (hs, desc, kind, cats) in enumerate(items, 1):
        its.append({"seq": i, "hs_code": hs, "description": desc, "quantity": 1, "unit": "pce",
                    "net_mass_kg": 50.0, "value": 2500.0, "currency": "EUR"})
        labs[str(i)] = {"kind": kind, "categories": cats}
    route = {"dispatch": dispatch, "destination": dest}
    if transit:
        route["transit"] = transit
    decls.append({"reference": ref, "type": "export", "parties": parties, "route": route, "items": its})
    labels.append({"reference": ref, "sanctions": sanctions, "embargo": embargo, "items": labs})

P = lambda hs, d, *c: (hs, d, "pos", list(c))
N = lambda hs, d: (hs, d, "neg", [])
T = lambda hs, d: (hs, d, "tricky", [])
A = lambda hs, d: (hs, d, "any", [])
CH, NU, BI, MI, CO, ML = "chemical", "nuclear", "biological", "missile", "conventional", "military"

# ---------------- (1) terse trade descriptions of controlled goods
trade = [
 P("8421.91", "PARTS FOR GAS CENTRIFUGE: ROTOR TUBE, MARAGING STEEL, OD 145MM, 2 PCS IN WOODEN CRATE", NU),
 P("8421.91", "Spare parts: bellows for centrifuge rotor, maraging steel, 10 pcs", NU),
 P("8462.29", "FLOWFORMING MACH. 3-ROLLER CNC MOD. SFM-600, 1 UNIT ON SKID", NU, MI),
 P("8445.90", "Machine for filament winding, 4-axis CNC, mandrel dia 800mm, model FWM-4A", NU, MI, CO),
 P("8479.89", "Equipment, namely hot isostatic press, chamber ID 1100 mm, 200 MPa", NU, CO),
 P("7326.90", "SPARE PARTS: END CAPS MARAGING 350 F. CENTRIFUGE ROTOR, 20 PCS", NU),
 P("8421.39", "Biosafety cabinet class III, glove box type, mod. BSC3-1800, 1 set", BI),
 P("8479.89", "Equipment, namely aerosol challenge chamber 1.5 m3 for inhalation studies", BI),
 P("8421.19", "CONT. FLOW CENTRIFUGE SEPARATOR, STEAM STERILISABLE, CLOSED, 300 L/H, SS316", BI),
 P("8481.80", "Valves bellows sealed, Hastelloy C-276 wetted parts, DN50, 12 pcs/crate", CH),
 P("8419.50", "Heat exchanger silicon carbide tubes, exchange area 4 m2", CH),
 P("8419.89", "Reaction vessel glass-lined 2500 l with agitator, jacketed", CH),
 P("8413.70", "Pump, magnetic drive, sealless, wetted parts PTFE-lined, 20 m3/h", CH),
 P("8419.40", "Distillation column, tantalum lined, DN300", CH),
 P("9014.20", "Spare parts: ring laser gyro RLG-90, bias stability 0.005 deg/hr", MI, CO),
 P("9014.20", "ACCELEROMETER SERVO TYPE QA-3000, BIAS STAB. 20 MICRO-G, 4 PCS", MI, CO),
 P("8803.90", "Parts for rocket: motor case, carbon fibre wound, dia 520 mm", MI),
 P("8412.10", "RKT MOTOR SOLID PROP, TOT IMPULSE 900KNS, 1 UNIT IN CONTAINER", MI),
 P("9014.20", "Guidance set for ballistic rocket, INS/GNSS, 1 set", MI),
 P("7228.30", "Maraging steel bars, UTS 2050 MPa, dia 120 mm, 3 t", NU, MI, CO),
 P("8109.31", "Zircaloy tubes for fuel cladding, hafnium below 50 ppm, 500 pcs", NU),
 P("8401.40", "Parts for nuclear reactor: control rod drive mechanism housing", NU),
 P("9022.19", "Flash X-ray generator, 500 kV, pulsed, 1 set", NU),
 P("8543.70", "Triggered spark gap, 25 kV, 10 pcs in box", NU),
 P("8532.25", "Pulse discharge capacitors 40 kV, 2 uF, low inductance, 6 pcs", NU),
 P("8710.00", "SPARE PARTS FOR T-72 TANK: TRACK LINKS, 200 PCS", ML),
 P("8803.30", "Parts for F-16 fighter aircraft: main landing gear strut", ML),
 P("9305.91", "Equipment, namely gun mount for 12.7mm heavy MG, vehicle", ML),
 P("9306.90", "MORTAR BOMBS 81MM HE, 40 BOXES", ML),
 P("9301.90", "Grenade launcher 40mm, under-barrel, 10 units", ML),
 P("8906.10", "Patrol vessel, naval, with gun mount", ML),
 P("8526.91", "GPS anti-jam CRPA antenna, military, 7 element", ML, CO),
 P("9005.80", "Night vision goggles, Gen-III image intensifier tubes, FOM 1800, 5 sets", ML, CO),
 P("8802.40", "Parts for UAV: airframe, MTOW 900 kg, range 500km", MI),
 P("3601.00", "Propellant powder for 155mm artillery charges, 1000 kg", ML),
 P("8479.89", "Fermentor 300 liter RVS, in-situ steriliseerbaar, gesloten", BI),
 P("8479.89", "Fermentor 200 l z nerezové oceli, sterilizovatelný in situ", BI),
 P("8421.19", "Centrifuga de fluxo contínuo, esterilizável a vapor, contenção", BI),
 P("8419.39", "Liofilizator farmaceutic, sterilizabil cu abur (SIP), 40 kg/24h", BI),
 P("8421.29", "Korsflödesfiltrering, engångs, 3 m2, steriliserbar", BI),
]
for it in trade: decl("TRD", [it])

# ---------------- (2) chemicals: trade names, salts, hydrates, mixtures, odd CAS spellings, neighbouring HS
chem = [
 P("2853.90", "Chemical product, CAS-No.: 10025 87 3, 250 kg drum", CH),
 P("2812.19", "Inorganic chloride, CAS RN 7719-12-2, 1 IBC", CH),
 P("2812.19", "Acid chloride [CAS 7719-09-7] 99%, 20 drums", CH),
 P("2922.19", "Amino alcohol CAS#100-37-8, 180kg", CH),
 T("2922.19", "Ethanolamine derivative, CAS:108-01-0, 190 kg drums"),
 P("2922.15", "Trietanolamina 99 %, tambores de 225 kg", CH),
 P("2922.19", "Triethanolamine hydrochloride 98%, 25 kg", CH),
 P("2922.19", "Methyldiethanolamine (MDEA) 99%, 200 kg drums", CH),
 P("2922.19", "N-Ethyldiethanolamine (EDEA), 180 kg", CH),
 P("2930.90", "Kromfax solvent (thiodiglycol), 230 kg", CH),
 P("2837.19", "Prussic acid (hydrocyanic acid), 1 cylinder", CH),
 P("2811.19", "Blauwzuur, cilinder 50 kg", CH),
 P("2904.20", "Chlorpicrin fumigant 99%, 30 kg cylinders", CH),
 P("2904.20", "Cloropicrina técnica 99 %, cilindros", CH),
 P("2812.90", "Butter of arsenic (arsenic trichloride), 5 kg", CH),
 P("2826.19", "Bifluoreto de sódio, sacos de 25 kg", CH),
 P("2811.11", "Fluorwaterstofzuur 40 %, vaten 200 kg", CH),
 P("2922.19", "2-(Diisopropylamino)ethyl chloride HCl, 98%, 1 kg", CH),
 P("2905.19", "3,3-Dimethylbutan-2-ol, 1 l", CH),
 P("2921.11", "Dimethylamine hydrochloride, 25 kg bags", CH),
 P("2921.11", "Dimethylamine 40% aqueous solution, IBC 1000 l", CH),
 P("2920.29", "Trimethyl phosphite 99%, 200 kg drums", CH),
 P("2920.29", "Dimethyl hydrogen phosphite (DMHP), 250 kg", CH),
 P("2920.29", "Diethyl hydrogen phosphite, 25 l", CH),
 P("2914.19", "Pinacolone 98%, 160 kg", CH),
 P("2812.13", "Fosfortriklorid 99 %, fat 250 kg", CH),
 P("2812.13", "Fosfortrichloride, technisch, 1 IBC", CH),
 P("2812.13", "Chlorid fosforitý 99 %, sudy", CH),
 P("2812.13", "Triclorură de fosfor, butoaie 250 kg", CH),
 P("2812.17", "Tionylklorid 99,5 %", CH),
 P("2812.17", "Thionylchlorid, 250 kg sud", CH),
 P("2812.17", "Clorură de tionil 99 %", CH),
 P("2812.17", "Thionylchloride 99%, vat", CH),
 P("2837.11", "Natriumcyanid, briketter, 50 kg", CH),
 P("2837.11", "Kyanid sodný 98 %, 50 kg", CH),
 P("2837.11", "Cianură de sodiu, brichete", CH),
 P("2830.10", "Sulfid sodný, vločky 60 %, 25 kg", CH),
 P("2812.13", "三氯化磷 99%, 250公斤桶装", CH),
 P("2837.11", "氰化钠 98%，50公斤", CH),
 P("2812.17", "工业级亚硫酰氯", CH),
 P("2922.15", "三乙醇胺 99%", CH),
 P("2812.11", "光气，钢瓶", CH),
 P("2812.13", "三塩化リン 99%、ドラム缶", CH),
 P("2837.11", "シアン化ナトリウム 50kg", CH),
 P("2812.17", "塩化チオニル", CH),
 P("2922.15", "トリエタノールアミン 99%", CH),
 P("2837.11", "سيانيد الصوديوم 98%", CH),
 P("2812.13", "ثلاثي كلوريد الفوسفور", CH),
 P("2811.11", "فلوريد الهيدروجين لا مائي", CH),
 P("2811.12", "Cyanwaterstof, vloeibaar", CH),
 P("2812.11", "Fosgênio (cloreto de carbonila), cilindro", CH),
 P("2853.10", "Cyanogen chloride, lecture bottle", CH),
 P("2921.12", "2-Chloroethyl-N,N-diethylamine hydrochloride, 500 g", CH),
 P("2921.19", "N,N-Diisopropylamine 99.5%", CH),
 P("2922.19", "Diisopropylaminoethanol (DIPAE), 200 kg", CH),
 P("3824.99", "Mixture: triethanolamine 85 % / diethanolamine 15 %, 1 IBC", CH),
]
chem_neg = [
 T("2835.29", "Trinatriumfosfaat, technisch, 25 kg"),
 N("2809.20", "Ácido fosfórico 85 %, grau alimentar"),
 N("2501.00", "Natriumklorid, vägsalt, 25 kg"),
 T("2529.22", "Fluorit (kazivec), kyselinový, 97 % CaF2"),
 T("2921.19", "Triethylamine 99%, 150 kg drums"),
 T("2922.12", "Diethanolamine 99 %, 230 kg"),
 N("2922.11", "Monoethanolamine (MEA) 99 %"),
 T("2834.10", "Sodium cyanate 98%, 25 kg"),
 T("2837.20", "Potassium ferrocyanide E536, anti-caking agent, 25 kg"),
 N("2933.69", "Cyanuric acid granules for pools"),
 T("2905.39", "Pinacol (2,3-dimethylbutane-2,3-diol) 98%"),
 N("2832.30", "Tiossulfato de sódio pentaidratado, 25 kg"),
 T("3824.99", "Cement grinding aid containing 5% triethanolamine"),
 T("2915.90", "Thioglycolic acid 80%, 250 kg"),
 T("3306.10", "Tandpasta met natriumfluoride 1450 ppm, 75 ml"),
 T("3306.10", "Pasta de dentes com fluoreto de sódio, 90 g"),
 T("3306.10", "Zubní pasta s fluoridem sodným"),
 N("2905.11", "甲醇 99.9%，槽车"),
 N("2501.00", "食用盐（氯化钠），25公斤"),
 T("3808.91", "殺虫剤 （家庭用）"),
 N("2917.14", "Anidridă maleică, saci 25 kg"),
 N("3402.42", "Ytaktiva ämnen, icke-joniska, fat"),
 T("2930.90", "Methionin (DL-methionin) fodertillsats"),
 T("2920.90", "Dimethyl carbonate 99.9% battery grade"),
 T("3004.90", "Botox 100 E, poeder voor oplossing voor injectie, 1 flacon"),
]
for it in chem: decl("CHM", [it])
for it in chem_neg: decl("CHN", [it])

# ---------------- (3)/(4) other languages: controlled goods and look-alikes
lang = [
 P("9302.00", "Pistool 9mm Glock 17 met 2 magazijnen", ML),
 P("9303.20", "Espingarda de caça calibre 12", ML),
 P("9302.00", "Pistole ráže 9 mm, CZ 75", ML),
 P("9303.30", "Pușcă de vânătoare cal. .308", ML),
 P("9303.30", "Jaktgevär kaliber .308, med kikarsikte", ML),
 P("9302.00", "مسدس عيار 9 ملم", ML),
 P("9302.00", "手枪 9毫米", ML),
 P("9303.20", "散弾銃 12番", ML),
 P("9306.30", "Munição 7,62 x 39 mm, 1000 cartuchos", ML),
 P("9306.30", "Náboje 9 mm Luger, 50 ks", ML),
 P("9306.30", "Patroner 6,5x55, 20 st", ML),
 P("8802.11", "Gevechtshelikopter, bewapend", ML),
 P("8710.00", "Pansarfordon, bepansrat trupptransportfordon", ML),
 P("8710.00", "Tanc de luptă, șenilat", ML),
 P("9306.90", "Granadas de mão, de fragmentação", ML),
 P("9306.90", "Ruční granáty, tříštivé", ML),
 P("2844.10", "Uraanhexafluoride (UF6), cilinder 48Y", NU),
 P("2844.10", "Urânio natural, concentrado (yellowcake), tambores", NU),
 P("2845.10", "Tungt vatten (D2O) 99,8 %", NU),
 P("2844.20", "Obohacený uran, 3,5 % U-235", NU),
 P("8401.10", "Reactor nuclear de cercetare, componente", NU),
 P("2844.20", "浓缩铀 4.5%", NU),
 P("2845.10", "重水 99.8%", NU),
 P("2844.20", "濃縮ウラン", NU),
 P("3002.49", "Miltvuurbacterie (Bacillus anthracis), cultuur", BI),
 P("3002.49", "Vírus Ébola, isolado", BI),
 P("3002.49", "Virus slintavky a kulhavky, kmen O", BI),
 P("3002.49", "Virusul pestei porcine africane, izolat", BI),
 P("3002.49", "Mjältbrandsbakterie, odling", BI),
 P("3002.49", "炭疽杆菌 菌株", BI),
 P("3002.90", "Ricine, gezuiverd, 10 mg", BI),
 P("3002.90", "Botulinumtoxine type A, onderzoek, 100 ug", BI),
 P("8806.22", "Drone militar de reconhecimento, alcance 350 km", MI, ML),
 P("8412.10", "Raketmotor, fast bränsle, total impuls 1,1 MNs", MI),
 P("9306.90", "Řízená střela s plochou dráhou letu (cruise missile)", MI, ML),
 P("9306.90", "Rachetă balistică, secțiuni", MI, ML),
 P("9306.90", "弹道导弹 部件", MI, ML),
 P("8413.81", "Turbopump voor raketmotor, vloeibare stuwstof", MI),
]
lang_neg = [
 T("8205.59", "Lijmpistool 60 W met 10 lijmpatronen"),
 T("8424.20", "Verfpistool elektrisch 500 W"),
 T("8424.20", "Pistol de vopsit cu aer comprimat"),
 T("8515.11", "Limpistol, 40 W"),
 T("8424.20", "Stříkací pistole na barvy, HVLP"),
 T("8515.80", "Pistola de cola quente 20 W"),
 T("8515.80", "热熔胶枪 20W"),
 T("9503.00", "水枪玩具 塑料"),
 T("8515.80", "グルーガン 40W"),
 T("8424.20", "مسدس رش الطلاء"),
 T("8413.70", "Bomba de água centrífuga 1,5 kW"),
 T("8413.70", "Bomba submersível para poço"),
 T("3307.30", "Badbomb med lavendel, 6 st"),
 T("0810.90", "Granaatappels, vers, 5 kg dozen"),
 T("0810.90", "Granatäpplen, färska"),
 T("7103.99", "Granater (granat), slipade ädelstenar"),
 T("9506.51", "Tenisová raketa, grafit"),
 T("9506.51", "Rachetă de tenis, carbon"),
 T("9506.51", "Raquete de tênis"),
 T("3604.10", "Fyrverkeriraketer, kategori F2"),
 T("3604.10", "Foguetes de artifício"),
 T("9505.90", "Confettikanon 40 cm"),
 T("7018.10", "Uranové sklo, korálky"),
 T("8523.49", "Antivirussoftware licentie, 1 jaar"),
 T("8421.11", "Melkcentrifuge voor boerderij"),
 T("8421.11", "Centrifugă de lapte, 100 l/h"),
 T("8438.40", "Gistingstank voor bier, 1000 l, RVS"),
 T("8419.89", "Kvasná nádoba na pivo, 500 l"),
 T("9018.90", "Centrífuga de laboratório clínico, 12 tubos"),
 T("8509.40", "离心榨汁机"),
 T("9504.90", "Jogo de tabuleiro 'Batalha naval'"),
 T("9503.00", "Leksaksgevär, plast"),
 T("9503.00", "Speelgoedtank op afstandsbediening"),
 T("9503.00", "おもちゃのミサイル発射台"),
 T("4911.91", "Affiche 'Kernenergie? Nee bedankt'"),
 T("8516.50", "Cuptor cu microunde, 800 W"),
 T("9018.19", "Nucleaire geneeskunde: gammacamera"),
 A("8525.89", "Câmera térmica para construção civil, 160x120"),
 T("6307.90", "Colete salva-vidas"),
 T("6506.10", "Cască de protecție pentru construcții"),
 T("4202.92", "Vojenská taška (replika), bavlna"),
 T("6211.33", "Militärgrön jacka, bomull"),
 T("8526.92", "Afstandsbediening voor drone (speelgoed)"),
 T("3003.90", "Amoxicilină pentru uz veterinar"),
 T("3002.41", "Vaccin tegen mond- en klauwzeer, geïnactiveerd"),
 T("3002.42", "Vacina contra febre aftosa, inativada"),
 T("3002.12", "Antitoxina tetânica, humana"),
 T("3822.19", "ELISA-kit för påvisande av mjältbrand"),
 T("9027.81", "GC-MS pro analýzu potravin"),
 T("9027.81", "Espectrómetro de massa para análises clínicas"),
 N("6302.60", "Handdoeken, katoen"),
 N("6403.99", "Calçado de couro para homem"),
 N("9403.60", "Dřevěný jídelní stůl"),
 N("0901.21", "Cafea prăjită boabe, 1 kg"),
 N("9403.30", "Kontorsmöbler i trä"),
 N("6109.10", "棉质T恤"),
 N("6911.10", "陶磁器の食器セット"),
 N("0804.10", "تمور مجدول"),
]
for it in lang: decl("LNG", [it])
for it in lang_neg: decl("LNN", [it])

# ---------------- (1b) ordinary goods written tersely (must stay quiet)
terse_neg = [
 N("8421.91", "PARTS FOR CENTRIFUGAL PUMP: IMPELLER CAST IRON, 10 PCS"),
 T("8421.19", "SPARE PARTS: BOWL FOR MILK SEPARATOR"),
 T("8479.89", "Equipment, namely isostatic press, cold, chamber ID 150 mm, for ceramics lab"),
 T("8445.90", "Machine for winding yarn, automatic, model YW-200"),
 N("8413.70", "Pump, centrifugal, cast iron, 5.5 kW, for irrigation"),
 T("8481.80", "Valves, ball, brass, DN25, 100 pcs/carton"),
 T("8419.50", "Heat exchanger, plate type, stainless 316, 12 m2, for dairy"),
 T("8419.89", "Reaction vessel stainless steel 500 l, for cosmetics"),
 T("9014.20", "Spare parts: MEMS gyro for smartphone stabiliser"),
 T("9031.80", "ACCELEROMETER MEMS FOR VIBRATION MONITORING, 10 PCS"),
 T("8803.90", "Parts for model rocket: nose cone, plastic"),
 T("8412.10", "Model rocket motors, class C, 24 pcs, hobby"),
 T("7228.30", "Tool steel bars 1.2379, dia 80 mm"),
 N("8708.30", "Brake pads for passenger cars, 100 sets"),
 T("8714.10", "Spare parts: motorcycle drive chain"),
 T("8803.30", "Parts for Cessna 172: landing gear spring"),
 T("8471.30", "Equipment, namely rugged laptop, IP65"),
 T("8532.25", "Film capacitors 400 V, 2.2 uF, 1000 pcs reel"),
 T("9022.14", "Dental X-ray unit, 70 kV"),
 T("8536.50", "Spark gap arrester for telecom lines, 230 V"),
 T("9005.10", "Binoculars 10x42 for birdwatching"),
 T("8526.91", "GPS receiver for car navigation"),
 T("8806.21", "Drone camera quadcopter 249 g, 30 min flight"),
 T("8419.39", "Freeze dryer for food, household, 6 kg"),
 T("8421.29", "Water filtration unit, reverse osmosis, 500 l/h"),
 N("7318.15", "BOLTS HEX M12X50 8.8 ZINC, 5000 PCS, 20 CTNS"),
 N("8483.40", "GEARBOX HELICAL RATIO 1:20 MOD. HG-80"),
 N("4016.93", "O-RINGS NBR 70, ASSORTED, 10 BOXES"),
]
for it in terse_neg: decl("TRN", [it])

# ---------------- (5) parties
def pdecl(name, country, hit, goods=("9403.60", "Wooden dining tables"), role="consignee"):
    parties = [{"role": "exporter", "name": "Maas Handelsmaatschappij BV", "country": "NL"},
               {"role": role, "name": name, "country": country}]
    if role != "consignee":
        parties.append({"role": "consignee", "name": "Colombo Trading (Pvt) Ltd", "country": "LK"})
    decl("PTY", [N(*goods)], parties=parties, sanctions=hit, embargo=None)

pos_parties = [
 ("CHONGCHONGANG SHIPPING CO LTD, PYONGYANG", "KP"), ("Chong Chon Gang Shipping Co.,Ltd", "KP"),
 ("NIRU BATTERY MFG CO", "IR"), ("Niru Battery Manufacturing Company, Tehran", "IR"),
 ("YAS AIR", "IR"), ("SHANGHAIDONGFENG SHIPPING CO.,LTD", "CN"), ("Ningbo Forwarding Co c/o Shanghai Dongfeng Shipping Co Ltd", "CN"),
 ("AL-ARABI TRADING CO", "IQ"), ("Al Arabi Trading Company LLC", "IQ"),
 ("DOOSTAN INTERNATIONAL CO (DICO)", "IR"), ("Doostan Intl Company", "IR"),
 ("SOUTH SHIPPING LINE IRAN", "IR"), ("AMIN INDUSTRIAL COMPLEX, MASHHAD, IRAN", "IR"), ("Amin Industrial Compound", "IR"),
 ("KAVEH CUTTING TOOLS CO., MASHHAD", "IR"), ("SHEN ZHONG INTL SHIPPING", "CN"), ("KOREA ACHIM SHIPPING CO", "KP"),
 ("OFFICE NO. 39", "KP"), ("SHAHID KARRAZI INDUSTRIES", "IR"), ("KOREA FOREIGN TECHNICAL TRADE CTR", "KP"),
 ("Mansudae Overseas Project Group of Companies", "KP"), ("MACHANGA LIMITED, KAMPALA", "UG"), ("FARAYAND TECHNIQUE", "IR"),
 ("YAZD METALLURGY INDUSTRIES", "IR"), ("Korea Kumryong Trading Corp", "KP"), ("KOREAN NATIONAL INSURANCE CO (KNIC)", "KP"),
 ("Korea Foreign Insurance Company", "KP"), ("Defense Technology & Science Research Center", "IR"),
 ("NUCLEAR RESEARCH CENTER FOR AGRICULTURE AND MEDICINE", "IR"), ("Kuryonggang Trading Corporation", "KP"),
 ("c/o KOREA KUMRYONG TRADING CORPORATION", "KP"), ("HONG KONG ELECTRONICS KISH CO., KISH ISLAND", "IR"),
 ("Paek Chang-ho", "KP"), ("RI PYONG CHOL", "KP"), ("Han Yu Ro", "KP"), ("Gulmurod Khalimov", "TJ"),
 ("Abdul Rehman Makki", "PK"), ("Amir Khan Muttaqi", "AF"), ("Yakutumba, William Amuri", "CD"),
 ("Innocent Zimurinda", "CD"), ("Ignace Murwanashyaka", "DE"), ("Doku Umarov", "RU"),
]
for name, c in pos_parties:
    pdecl(name, c, True)
pdecl("NIRU BATTERY MANUFACTURING CO", "IR", True, role="notify")
pdecl("Shahid Karrazi Industries", "IR", True, role="importer")
neg_parties = [
 ("Dongfeng Commercial Vehicle Co Ltd", "CN"), ("Shanghai Dongfang Logistics Co Ltd", "CN"), ("Yas Marina Trading LLC", "AE"),
 ("Green Pine Landscaping LLC", "US"), ("Pine Green Furniture Ltd", "CA"), ("Amin Textiles Pvt Ltd", "PK"),
 ("Kaveh Carpets GmbH", "DE"), ("Achim Logistik GmbH", "DE"), ("South Shipping Agency Ltd", "GB"),
 ("Banco Latinoamericano de Comercio Exterior (Foreign Trade Bank of Latin America)", "PA"),
 ("Al Arabi Restaurant Supplies FZE", "AE"), ("Korea Technical Trade Services Co Ltd", "KR"),
 ("National Insurance Company Ltd", "IN"), ("Ocean Freight Management LLC", "US"), ("Tangerine Trading Corp", "SG"),
 ("Kumho Tire Co Inc", "KR"), ("Shen Zhen Electronics Trading Co Ltd", "CN"), ("Industrial Complex Supplies FZE", "AE"),
 ("Metallurgy Industries Trading Ltd", "TR"), ("Cutting Tools International LLC", "US"), ("Battery Manufacturing Solutions SRL", "RO"),
 ("Technique et Commerce SARL", "MA"), ("Research Center for Agriculture Ltd", "KE"), ("International Shipping Lines Ltd", "GR"),
 ("Han Yu-jin", "KR"), ("William Amoako", "GH"), ("Innocent Zimba", "ZM"),
 ("Abdul Rahman Malik", "PK"), ("Amir Khan Transport Co", "PK"), ("Mashhad Saffron Co", "IR"),
 ("Pyongtaek Port Services Co Ltd", "KR"),
]
for name, c in neg_parties:
    pdecl(name, c, False)

# ---------------- (6) DPRK embargo: KP only in consignee / transit; HS chapter boundaries
def edecl(parties, hs, desc, hit, dest=None, dispatch=None, transit=None):
    decl("EMB", [A(hs, desc)], parties=parties, sanctions=None, embargo=hit, dest=dest, dispatch=dispatch, transit=transit)
KPC = [{"role": "exporter", "name": "Dandong Border Trade Co Ltd", "country": "CN"},
       {"role": "consignee", "name": "Sinuiju Trading Office", "country": "KP"}]
# route goes to CN, consignee in KP
for hs, d, hit in [("8207.19", "Rock drilling bits", True), ("8302.41", "Door hinges, steel", True),
                   ("8311.10", "Welding electrodes, coated", True), ("7318.16", "Steel nuts M16", True),
                   ("8427.20", "Forklift trucks, diesel, 3 t", True), ("8711.20", "Motorcycles 125 cc", True),
                   ("8609.00", "Shipping containers, 20 ft", True), ("9018.90", "Surgical instruments, stainless", False),
                   ("9401.61", "Upholstered wooden chairs", False), ("4011.20", "Truck tyres, new", False),
                   ("6810.11", "Concrete building blocks", False), ("2505.10", "Silica sand", False),
                   ("9603.21", "Toothbrushes", False), ("3926.90", "Plastic crates", False),
                   ("7013.22", "Lead crystal wine glasses", True), ("9101.21", "Luxury wristwatches, gold case", True),
                   ("2402.20", "Cigarettes, 10 000 sticks", True), ("2203.00", "Beer in cans", False)]:
    edecl(KPC, hs, d, hit, dest="CN")
# transit KP only
TR = [{"role": "exporter", "name": "Khabarovsk Machinery LLC", "country": "RU"},
      {"role": "consignee", "name": "Incheon Plant Supply Co", "country": "KR"}]
edecl(TR, "8481.80", "Industrial valves, cast steel", True, transit=["KP"])
edecl(TR, "4407.11", "Sawn pine timber", False, transit=["KP"])
# notify / end user / importer in KP
edecl([{"role": "exporter", "name": "Dandong Border Trade Co Ltd", "country": "CN"},
       {"role": "consignee", "name": "Yanji Forwarding Co", "country": "CN"},
       {"role": "end_user", "name": "Kangson Machine Works", "country": "KP"}], "8458.11", "CNC lathe for metal", True)
edecl([{"role": "exporter", "name": "Dandong Border Trade Co Ltd", "country": "CN"},
       {"role": "importer", "name": "Pyongyang Import Bureau", "country": "KP"},
       {"role": "consignee", "name": "Yanji Forwarding Co", "country": "CN"}], "7604.10", "Aluminium profiles", True, dest="CN")
# KP origin boundary
KPX = [{"role": "exporter", "name": "Wonsan Export Corp", "country": "KP"},
       {"role": "consignee", "name": "Hunchun Border Trade Co", "country": "CN"}]
for hs, d, hit in [("0306.17", "Frozen shrimps", True), ("1605.54", "Prepared squid", True), ("0901.21", "Roasted coffee", False),
                   ("1006.30", "Milled rice", False), ("0810.90", "Fresh persimmons", True), ("1212.21", "Dried seaweed", True),
                   ("6403.99", "Leather shoes", False), ("6505.00", "Knitted hats", False), ("6217.10", "Garment accessories, sewn", True),
                   ("4418.21", "Wooden window frames", True), ("9403.60", "Wooden furniture", False), ("2517.10", "Crushed stone", True),
                   ("6802.93", "Granite slabs, polished", False), ("8907.90", "Floating pontoons", True), ("9503.00", "Plush toys", False)]:
    edecl(KPX, hs, d, hit)
# same goods, nothing in KP
for hs, d in [("8207.19", "Rock drilling bits"), ("7013.22", "Lead crystal wine glasses"), ("8427.20", "Forklift trucks, diesel, 3 t")]:
    edecl([{"role": "exporter", "name": "Dandong Border Trade Co Ltd", "country": "CN"},
           {"role": "consignee", "name": "Ulaanbaatar Trading LLC", "country": "MN"}], hs, d, False)
edecl([{"role": "exporter", "name": "Wonju Seafood Co", "country": "KR"},
       {"role": "consignee", "name": "Hunchun Border Trade Co", "country": "CN"}], "0306.17", "Frozen shrimps", False)

# ---------------- wave 2: chemical plant equipment, CJK/Arabic look-alikes, more terse lines
wave2 = [
 P("8419.89", "GL REACTOR 6300L, AE TYPE, C/W AGITATOR & JACKET, 1 SET ON SKID", CH),
 P("8419.50", "Shell & tube heat exchanger, tubes Hastelloy C-22, 6 m2", CH),
 P("8419.50", "Warmtewisselaar van siliciumcarbide, 3 m2", CH),
 P("8413.70", "Magnetic drive pump, PFA lined, 10 m3/h, 2 units", CH),
 P("8481.80", "Válvulas de esfera revestidas de PFA, DN80, 20 unidades", CH),
 P("7309.00", "Storage tank, PTFE-lined, 15 m3, for HCl service", CH),
 P("8419.40", "Destillationskolonne, Tantal, DN 400", CH),
 P("8419.89", "搪玻璃反应釜 3000L 带搅拌", CH),
 P("8481.80", "Spare parts: bellows-sealed globe valve, Monel, DN25", CH),
 T("8419.89", "Stainless steel reactor 2000 l for resin production, SS316L"),
 T("8419.50", "Plate heat exchanger, stainless AISI 316, 30 m2, for brewery"),
 T("7309.00", "Storage tank, carbon steel, 50 m3, for diesel"),
 T("8413.70", "Magnetic drive pump, polypropylene, 2 m3/h, for aquarium"),
 T("8481.80", "Ball valve, brass, chrome plated, DN20, with PTFE seats"),
 T("8419.89", "Glass reactor 5 l, jacketed, laboratory"),
 T("8418.99", "Condenser coil, copper tubes, aluminium fins, for chiller"),
 T("7309.00", "Glass-lined water heater tank 300 l"),
 T("9503.00", "发光气球 LED 100个"),
 T("3808.92", "杀菌剂 防治炭疽病 500克"),
 T("8467.21", "手枪钻 12V 锂电"),
 T("3822.19", "非洲猪瘟检测试剂盒 96人份"),
 T("9503.00", "玩具导弹 塑料"),
 T("6912.00", "子弹杯 陶瓷 50毫升"),
 T("3304.99", "护肤乳液 含三乙醇胺"),
 T("3306.10", "含氟化钠牙膏 120克"),
 T("3002.42", "口蹄疫灭活疫苗"),
 T("2836.99", "铁氰化钾 99%"),
 T("8205.40", "مفتاح مسدس 10 مم"),
 T("8424.20", "مسدس غراء حراري 60 واط"),
 T("9503.00", "ロケット おもちゃ 水"),
 T("9504.90", "戦車 プラモデル 1/35"),
 N("6109.10", "纯棉T恤 白色"),
 N("8516.71", "コーヒーメーカー 1.2L"),
 N("0409.00", "عسل طبيعي 500 غرام"),
 P("3002.49", "炭疽芽孢杆菌 A16R 菌株", BI),
 P("3002.49", "口蹄疫病毒 O型 毒株", BI),
 P("3002.90", "肉毒毒素 A型 研究用 100微克", BI),
 P("9302.00", "手枪 9毫米 格洛克17", ML),
 P("9306.30", "步枪子弹 7.62毫米 1000发", ML),
 P("3824.99", "工业级三氯化磷 (混合物)", CH),
 P("2853.90", "亚硫酰氯 99.5% 桶装", CH),
 P("3824.99", "シアン化ナトリウム 溶液 30%", CH),
 P("2844.20", "六氟化铀 浓缩", NU),
 P("8710.00", "Tanques de guerra, blindados, usados", ML),
 P("8906.10", "Marinefregat, uitgerust met kanon", ML),
 P("9305.99", "Spare parts: bolt carrier group for AK-47 rifle", ML),
 P("8412.10", "Motor de foguete de propelente sólido, impulso total 1,2 MNs", MI),
]
for it in wave2: decl("W2", [it])

# ---------------- wave 3: abbreviations and trade shorthand, more languages for equipment
wave3 = [
 P("2812.19", "PHOS. TRICHLORIDE 99.9PCT, 250KG DRUMS X 80", CH),
 P("2812.19", "THIONYL CHLOR. 99.5%, ISO TANK", CH),
 P("2837.19", "SOD. CYANIDE BRIQ. 98PCT, 1 MT BOXES", CH),
 P("2837.19", "NaCN 98%, briquettes, 50 kg drums", CH),
 P("2837.19", "KCN 97 %, 50 kg", CH),
 P("2811.19", "AHF (anhydrous hydrogen fluoride), ISO tank 20 t", CH),
 P("2812.19", "POCl3 99.95%, electronic grade, 200 l", CH),
 P("2812.19", "SOCl2, 1000 l IBC", CH),
 P("2826.90", "NaHF2 technical, 25 kg", CH),
 P("2922.19", "TEA 99 PCT, 230KG DRUM", CH),
 T("2909.44", "Triethylene glycol (TEG) 99%, 230 kg"),
 T("2905.49", "TMP (trimethylolpropane) flakes, 25 kg"),
 T("0902.30", "Black tea, TEA 100 g bags"),
 P("2931.49", "DMMP flame retardant 99%, 250 kg drums", CH),
 P("2930.90", "TDG 99%, 200 kg", CH),
 P("8401.20", "Installatie voor isotopenscheiding, onderdelen", NU),
 P("8401.20", "Centrífuga a gás para enriquecimento de urânio, peças", NU),
 P("8504.40", "Frekvensomriktare 600-2000 Hz, 40 kW, för gascentrifug", NU),
 P("7224.90", "Oțel maraging, bare, rezistență 2000 MPa, diametru 100 mm", NU, MI, CO),
 P("9014.20", "Gyroscop cu fibră optică, derivă 0,01 °/h", MI, CO),
 P("8412.10", "Raketový motor na tuhé palivo, celkový impuls 1,5 MNs", MI),
 P("9306.90", "Kryssningsrobot, delar", MI, ML),
 P("8806.24", "Obemannat flygplan (UAV), räckvidd 400 km, nyttolast 300 kg", MI),
 P("8479.89", "Bioreactor voor eenmalig gebruik 500 l, gesloten, steriliseerbaar", BI),
 P("8419.39", "Secador por pulverização farmacêutico, esterilizável a vapor, partículas 5 µm", BI),
 T("8419.39", "Secador por pulverização para leite em pó, 500 kg/h"),
 T("8479.89", "Bioreactor voor bierbrouwerij, 200 l"),
 T("8421.19", "Mjölkseparator, 500 l/h"),
 T("8412.10", "Modellraketmotor, klass D, 6 st"),
 T("9014.20", "Gyroskop för stabilisering av kamera"),
 T("8504.40", "Frekvensomriktare 0-50 Hz för fläktmotor, 5,5 kW"),
 T("7224.90", "Oțel inoxidabil 304, bare, diametru 50 mm"),
]
for it in wave3: decl("W3", [it])

# ---------------- wave 4: ordinary goods that share the new words (equipment materials, CJK, shorthand)
wave4 = [
 N("8532.21", "Tantalum capacitors 47 uF 16 V, 2000 pcs reel"),
 N("8532.21", "Condensatoare cu tantal, 100 buc"),
 T("8481.80", "Titan brand ball valve, carbon steel, DN50"),
 N("8481.80", "Kulventil i mässing, DN15"),
 N("8414.51", "Ventilator de tavan, 60 W"),
 T("8419.50", "Wärmetauscher Edelstahl für Fußbodenheizung"),
 T("8415.90", "Condensador para aire acondicionado, aletas de aluminio"),
 T("8418.99", "Condenser fan motor for refrigerator"),
 T("7309.00", "Enamelled steel water tank 500 l, for hot water"),
 N("7323.94", "Enamel cooking pot 5 l, kitchen"),
 T("8413.70", "Aquarium magnetic drive pump 2000 l/h"),
 T("8413.81", "Coffee machine pump, magnetic drive"),
 T("8481.80", "Bicycle tyre valve caps, titanium, 4 pcs"),
 T("9021.10", "Titanium bone screws, medical implants"),
 T("8419.40", "Alcohol still, copper, 30 l, for essential oils"),
 N("8708.91", "Radiator for passenger car, aluminium"),
 T("2922.15", "Triethanolamine-free shampoo 250 ml"),
 N("0902.40", "Tea, black, 90 kg sacks"),
 N("0902.10", "Green tea 99 bags, 200 g"),
 T("3808.94", "TDG class 8 disinfectant, 5 l"),
 T("3208.90", "Phosphate primer for steel, 20 l"),
 N("8467.21", "充电式手枪钻 20V"),
 N("9503.00", "儿童玩具坦克 遥控"),
 N("8703.80", "电动汽车 坦克300"),
 N("2106.90", "蜂蜜柚子茶 1kg"),
 N("3401.30", "洗面奶 含氨基酸"),
 N("9405.40", "夜光气球 彩色"),
 N("6912.00", "子弹头造型杯子"),
 N("9504.90", "ミニカー 1/64"),
 N("2009.89", "ザクロジュース 1L"),
 N("8516.60", "電子レンジ 800W"),
 N("3401.20", "ボディソープ ポンプ 500ml"),
 N("0811.90", "رمان مجمد 1 كغ"),
 N("8205.59", "مسدس سيليكون يدوي"),
 N("9503.00", "مسدس ماء للأطفال"),
 T("9506.62", "Tenisové míčky, 4 ks"),
 T("7113.19", "Náušnice s českým granátem, zlato"),
 N("9403.60", "Mesa de madeira, sala de jantar"),
 T("8413.70", "Pompă submersibilă pentru fântână"),
 T("3604.10", "Raketer till nyårsafton, fyrverkeri"),
]
for it in wave4: decl("W4", [it])

# ---------------- wave 5: more controlled goods in nl/pt/cs/ro/sv
wave5 = [
 P("9005.80", "Nachtzichtkijker, beeldversterkerbuis generatie 3", ML, CO),
 P("9005.80", "Mörkersikte, bildförstärkarrör gen 3", ML, CO),
 P("9005.80", "Óculos de visão noturna, tubo intensificador geração 3", ML, CO),
 P("9005.80", "Přístroj pro noční vidění, zesilovač obrazu 3. generace", ML, CO),
 P("9005.80", "Dispozitiv de vedere nocturnă, tub intensificator gen. 3", ML, CO),
 P("6211.43", "Kogelwerend vest, beschermingsniveau NIJ IIIA", ML),
 P("6211.43", "Skyddsväst, ballistisk, klass NIJ IV", ML),
 P("6211.43", "Colete balístico nível III-A", ML),
 P("6211.43", "Neprůstřelná vesta, třída NIJ IIIA", ML),
 P("6211.43", "Vestă antiglonț, nivel IIIA", ML),
 P("3602.00", "Springstof (TNT), 500 kg", ML),
 P("3602.00", "Sprängämne, oktogen (HMX), 50 kg", ML),
 P("3602.00", "Explosivo plástico C-4, 20 kg", ML),
 P("3602.00", "Trhavina Semtex, 10 kg", ML),
 P("3602.00", "Exploziv militar, hexogen (RDX), 100 kg", ML),
 P("2829.90", "Ammoniumperchloraat, 200 micron, 25 kg vaten", MI),
 P("2829.90", "Chloristan amonný, 25 kg", MI),
 P("2829.90", "Ammoniumperklorat 99 %, fat", MI),
 P("8806.24", "Onbemand luchtvaartuig, bereik 500 km, laadvermogen 500 kg", MI),
 P("8806.24", "Vehicul aerian fără pilot, rază 600 km", MI),
 P("8806.24", "Bezpilotní letoun, dolet 800 km", MI),
 P("9306.90", "Kruisvluchtwapen (kruisraket), onderdelen", MI, ML),
 P("2844.30", "Uraanoxide, verarmd, 50 kg", NU),
 P("2845.90", "Tritium, 1000 Ci, gasvormig", NU),
 P("2845.90", "Tritiu gazos, 500 Ci", NU),
 P("2845.90", "Litium-6 anrikat, 95 %", NU),
 P("8401.40", "Palivové články pro jaderný reaktor", NU),
 P("8401.30", "Elemente combustibile nucleare, uraniu îmbogățit 4 %", NU),
 P("3002.49", "Kultura Yersinia pestis, živá", BI),
 P("3002.49", "Vírus da varíola, amostra", BI),
 P("3002.49", "Virus Marburg, izolat", BI),
 P("3002.90", "Saxitoxine, 1 mg, referentiestandaard", BI),
 P("3002.90", "Tetrodotoxina, 1 mg", BI),
]
for it in wave5: decl("W5", [it])

# ---------------- wave 6: look-alikes for the wave 5 words
wave6 = [
 T("8525.89", "Wildcamera met nachtzicht, infrarood, 20 MP"),
 T("6211.43", "Reflecterend veiligheidsvest, geel"),
 T("6211.43", "Skyddsväst för motorcykel, CE nivå 2"),
 T("9027.10", "Springstofdetector, draagbaar, voor luchthavens"),
 T("8806.21", "无人机 航拍 4K 249克"),
 T("8806.22", "农用植保无人机 30升"),
 T("3604.90", "Signalfackla, sjönöd, 3 st"),
 T("9405.50", "Tritium-sleutelhanger, gloeiend"),
 T("8507.60", "Litium-jon batteri 48 V, 100 Ah"),
 T("8507.60", "Baterie litiu-ion 12 V"),
 T("7018.10", "Contas decorativas de vidro de urânio"),
 T("3003.90", "Analgésico, paracetamol 500 mg"),
 T("9013.80", "Lupă cu iluminare LED, mărire 5x"),
 T("9005.10", "Fågelkikare 8x42"),
]
for it in wave6: decl("W6", [it])

with open(os.path.join(here, "declarations.ndjson"), "w") as f:
    for d in decls: f.write(json.dumps(d, ensure_ascii=False) + "\n")
with open(os.path.join(here, "labels.ndjson"), "w") as f:
    for l in labels: f.write(json.dumps(l, ensure_ascii=False) + "\n")
print(len(decls), "declarations")
