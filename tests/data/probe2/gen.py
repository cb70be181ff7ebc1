#!/usr/bin/env python3
"""Generates probe set 2 (declarations.ndjson, labels.ndjson) in this folder.
Independent of ../probe and the dev set: other goods, spellings, HS spellings, parties.
Labels follow the real control lists (CWC, AG, NSG, MTCR, Wassenaar, military lists,
UN sanctions), not Cordon's behaviour."""
import json, os
here = os.path.dirname(os.path.abspath(__file__))
EXP = [("Rotterdam Chemical Traders BV", "NL"), ("Alpine Labor Handels AG", "AT"), ("Scandi Process Supply AB", "SE"),
       ("Bohemia Technika s.r.o.", "CZ"), ("Adriatic Industrial d.o.o.", "HR"), ("Celtic Instruments Ltd", "IE"),
       ("Quebec Industrial Export Inc", "CA")]
CON = [("Gulf Coast Process Supplies LLC", "US"), ("Santiago Insumos Industriales Ltda", "CL"), ("Casablanca Equipement SARL", "MA"),
       ("Bangkok Lab Solutions Co Ltd", "TH"), ("Jakarta Teknik Utama PT", "ID"), ("Nairobi Agro Industrial Ltd", "KE"),
       ("Auckland Process Engineering Ltd", "NZ"), ("Lima Distribuciones SAC", "PE"), ("Hanoi Precision Components JSC", "VN")]
decls, labels = [], []
n = [0]

def decl(prefix, items, parties=None, dest=None, dispatch=None, sanctions=False, embargo=False, transit=None):
    n[0] += 1
    ref = "P2-%s-%03d" % (prefix, n[0])
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

chem = [
 # CWC schedule 1 / 2 / 3 and AG precursors, other names, caps, typos, other HS spellings
 [P("2931.90", "SARIN (GB) REF STD 1 ML", CH)],
 [P("2931.90", "Soman, analytical reference material, 0.5 ml", CH)],
 [P("2931.90", "Tabun (GA) reference standard", CH)],
 [P("2930.90", "Bis(2-chloroethyl) sulfide, OPCW proficiency test sample", CH)],
 [P("2931.90", "Lewisite 1, reference sample 100 mg", CH)],
 [P("2921.19", "Tris(2-chloroethyl)amine (HN3), 100 mg standard", CH)],
 [P("2933.39", "3-Quinuclidinyl benzilate (QNB), 1 g", CH)],
 [P("2903.39", "Perfluoroisobutylene (PFIB), lecture bottle", CH)],
 [P("2931.90", "Chlorosarin, research sample", CH)],
 [P("2931.39", "DIETHYL ETHYLPHOSPHONATE 98PCT 25KG", CH)],
 [P("2931.39", "Dimethyl ethylphosphonate, 5 l", CH)],
 [P("2931.39", "Diethyl methylphosphonate (DEMP) 97%", CH)],
 [P("2931.90", "Diethyl methylphosphonite, 1 kg", CH)],
 [P("2931.90", "Methylphosphonothioic dichloride 98%", CH)],
 [P("2929.90", "Dimethylphosphoramidic dichloride, 500 g", CH)],
 [P("2920.19", "O,O-Diethyl phosphorothioate 95%, 10 kg", CH)],
 [P("2920.90", "Ethyl dichlorophosphate 97%, 1 kg", CH)],
 [P("2933.39", "3-Hydroxy-1-methylpiperidine, 98%, 250 g", CH)],
 [P("2930.90", "2-(Diisopropylamino)ethanethiol, 5 g", CH)],
 [P("2931.90", "Ethylphosphonic difluoride, 10 g", CH)],
 [P("2925.29", "N,N-Dimethylformamidine, 100 g", CH)],
 [P("2931.90", "Methyldichlorophosphine, 1 kg", CH)],
 [P("2826.19", "Sodium bifluoride, 25 kg bags", CH)],
 [P("2826.19", "Kaliumbifluorid 99 %, 25 kg Sack", CH)],
 [P("2922.15", "Triethanolamine hydrochloride 99%, 500 g", CH)],
 [P("2922.17", "EDEA (ethyldiethanolamine) 99%, 200 kg drum", CH)],
 [P("2922.15", "TRIETHANOLAMINE 85% LFG, 1000 L IBC", CH)],
 [P("2922.15", "Tri-ethanolamine 99 pct, 230 kg drums", CH)],
 [P("2922.15", "Trolamine (TEA) 99%, ISO tank 20 MT", CH)],
 [P("2812.12", "Phosphorous oxychloride 99.9%, 1.5 t returnable container", CH)],
 [P("2812.13", "PHOSPHOROUS TRICHLORIDE, UN1809, 250 KG STEEL DRUM", CH)],
 [P("2812.14", "PCl5 98% flakes, 50 kg", CH)],
 [P("2812.17", "Thionyl chloryde 99% (SOCL2), drums", CH)],
 [P("2812.16", "Sulphur dichloride (SCl2), 250 kg", CH)],
 [P("2812.15", "Disulphur dichloride 98%, 300 kg drum", CH)],
 [P("2812.19", "Arsenic(III) chloride, AsCl3 99.99%, 100 g", CH)],
 [P("2813.90", "Diphosphorus pentasulphide (P4S10), 25 kg", CH)],
 [P("2837.11", "SODIUM CYNIDE 98 PCT BRIQUETTES, BOXES 1 MT", CH)],
 [P("2837.19", "Potassium cyanide granular, KCN 98%, 50 kg drums", CH)],
 [P("2811.12", "Prussic acid, stabilised, 20 kg cylinders", CH)],
 [P("2853.90", "Chlorcyan (Chlorcyan-Gas), Druckgasflasche", CH)],
 [P("2904.91", "Trichloronitromethane 99%, 100 kg cylinders", CH)],
 [P("2812.11", "Carbonyl chloride (COCl2) 99.5%, tonne container", CH)],
 [P("2811.11", "Hydrofluoric acid 70%, 200 kg drums", CH)],
 [P("2811.11", "AHF anhydrous hydrogen fluoride, 1 t cylinder", CH)],
 [P("2826.19", "Potassium fluoride spray-dried, KF 99%", CH)],
 [P("2826.19", "Fluoruro de potasio 99 %, sacos 25 kg", CH)],
 [P("2826.90", "Sodium fluosilicate 99%, 50 kg bags", CH)],
 [P("2830.10", "SODIUM SULFIDE 60PCT YELLOW FLAKES", CH)],
 [P("2830.10", "Sulfure de sodium en paillettes 60 %", CH)],
 [P("2920.23", "Trimethoxyphosphine (trimethyl phosphite) 99%", CH)],
 [P("2920.24", "Phosphite de triéthyle, 200 kg", CH)],
 [P("2920.22", "Diethyl hydrogen phosphite 98%, 200 kg", CH)],
 [P("2920.21", "Dimethyl hydrogen phosphite, 1 t IBC", CH)],
 [P("2914.19", "Methyl tert-butyl ketone (pinacolone) 98%", CH)],
 [P("2905.19", "3,3-Dimethylbutan-2-ol 99%, 1 l", CH)],
 [P("2918.19", "Diphenylglycolic acid (benzilic acid) 99%, 25 kg", CH)],
 [P("2918.19", "Methyl 2,2-diphenyl-2-hydroxyacetate, 5 kg", CH)],
 [P("2933.39", "Quinuclidin-3-ol, 98%, 1 kg", CH)],
 [P("2905.59", "Glycol chlorohydrin 99%, 200 kg", CH)],
 [P("2921.11", "Dimethylamine anhydrous, 400 kg cylinder", CH)],
 [P("2921.12", "2-Diethylaminoethyl chloride hydrochloride 99%", CH)],
 [P("2922.19", "N,N-Diethylethanolamine 99.5%, 180 kg", CH)],
 [P("2931.41", "Dimethyl methanephosphonate 97%, 250 kg", CH)],
 [P("2931.90", "Methylphosphonic acid dichloride (DC), 5 kg", CH)],
 [P("2930.70", "2,2'-Thiodiethanol 99%, 225 kg drums", CH)],
 # wrong but plausible HS, generic headings
 [P("3824.99", "Triethanolamine 99%, bulk", CH)],
 [P("2942.00", "Organophosphorus intermediate: dimethyl methylphosphonate, 200 kg", CH)],
 [P("3824.99", "Chemical preparation, CAS 7681-49-4, 25 kg bags", CH)],
 [P("2942.00", "Organic compound CAS 464-07-3, 1 l", CH)],
 [P("3808.91", "Chloropicrin 99.5%, fumigant, 68 kg cylinders", CH)],
 [P("3824.99", "Thiodiglycol 99%, 200 kg", CH)],
 [P("2853.90", "Phosgene, 1 t tonner", CH)],
 [P("2942.00", "Arsenic trichloride, 1 kg", CH)],
 [P("3824.99", "Mixture CAS 10025-87-3, 250 kg", CH)],
 [P("2942.00", "Methyldiethanolamine 99%", CH)],
 [P("2826", "Potassium bifluoride 98%, 25 kg", CH)],
 [P("2922", "Diisopropylaminoethanol, 200 l", CH)],
]
chem_look = [
 [T("2919.90", "Triethyl phosphate (TEP) 99.5%, flame retardant, 200 kg")],
 [T("2919.90", "Tributyl phosphate 99%, solvent extraction grade")],
 [T("2922.19", "Triisopropanolamine 85%, cement grinding aid")],
 [T("2930.90", "2-Mercaptoethanol 99%, 1 l")],
 [T("2930.90", "Thiodiglycolic acid 99%")],
 [T("2924.19", "Dimethylformamide (DMF) 99.9%, 190 kg drums")],
 [T("2930.30", "Dimethyl sulfoxide (DMSO) 99.9%, 1 l")],
 [T("2809.10", "Phosphorus pentoxide 98%, desiccant")],
 [T("2830.90", "Sodium hydrosulfide (NaHS) 70% flakes, leather tanning")],
 [T("2835.29", "Sodium monofluorophosphate, toothpaste grade")],
 [T("2811.19", "Hexafluorosilicic acid 25%, water fluoridation")],
 [T("2837.20", "Potassium ferricyanide, photographic grade")],
 [T("2933.69", "Cyanuric acid granules, pool stabiliser")],
 [T("2915.39", "Triethyl citrate, food grade plasticiser")],
 [T("2903.11", "Chloroethane (ethyl chloride), 500 g cans")],
 [T("2917.34", "Diethyl phthalate 99%")],
 [T("2909.11", "Diethyl ether, anhydrous, 2.5 l")],
 # Dipropylamine is EU 1C350 item 90 (Annex I, 2025): controlled, not a near-miss.
 [P("2921.19", "Dipropylamine 99%, 160 kg", CH)],
 [T("2922.11", "Ethanolamine 99%, 210 kg")],
 [T("3306.10", "KIDS STRAWBERRY TOOTHPASTE 1000PPM FLUORIDE 50ML")],
 [T("3304.99", "Moisturising cream with TEA, 50 ml jars")],
 [T("3824.99", "Concrete admixture with triethanolamine, 1000 l IBC")],
 [T("3808.92", "Phosphine fumigant tablets (aluminium phosphide)")],
 [T("2812.90", "Titanium tetrachloride 99.9%, 1 t")],
 [T("2826.19", "Magnesium fluoride optical grade, 1 kg")],
 [T("2811.19", "Sulfamic acid 99.5%, descaler")],
 [T("2853.00", "Distilled water for car batteries, 5 l")],
 [T("2930.90", "DL-Methionine 99%, feed additive")],
 [T("2905.12", "Isopropyl alcohol 99.9%, 20 l")],
 [T("3824.99", "Antifreeze coolant concentrate, ethylene glycol, 5 l")],
]
for it in chem: decl("CHM", it)
for it in chem_look: decl("CHT", it)

nuc = [
 [P("2844.50", "Spent nuclear fuel assemblies, PWR, in transport cask", NU)],
 [P("8401.30", "Fuel assemblies 17x17, low enriched uranium, for PWR", NU)],
 [P("8401.30", "MOX fuel rods, 5 % PuO2", NU)],
 [P("8401.40", "Reactor pressure vessel closure head", NU)],
 [P("8413.70", "Reactor coolant pump, primary circuit, for PWR nuclear power plant", NU)],
 [P("8401.40", "Calandria tubes, Zr-2.5Nb, for CANDU reactor", NU)],
 [P("9030.10", "Fission chambers, in-core neutron flux detectors", NU)],
 [P("2845.90", "Deuterium gas 99.8 atom % D, 50 l cylinder", NU)],
 [P("2844.20", "U-233, 1 g", NU)],
 [P("2844.30", "Thorium dioxide pellets, ThO2, 20 kg", NU)],
 [P("8109.21", "Zirconium sponge, reactor grade, Hf 50 ppm", NU)],
 [P("8106.10", "Bismuth 99.999% ingots, Ag below 5 ppm", NU)],
 [P("2844.43", "Curium-244 alpha sources, 2 Ci", NU)],
 [P("2844.44", "Radium-226 sealed sources, 50 mCi", NU)],
 [P("3602.00", "TATB (triaminotrinitrobenzene), 10 kg", NU, ML)],
 [P("3602.00", "Hexanitrostilbene (HNS-IV), 5 kg", NU, ML)],
 [P("8540.89", "Cold-cathode switching tubes (sprytrons), 10 kV", NU)],
 [P("8543.70", "Firing set, capacitor discharge, for exploding bridgewire detonators", NU)],
 [P("9022.19", "Flash X-ray generator, 500 kV, pulse 50 ns", NU)],
 [P("9006.59", "Streak camera, writing speed 1 mm/µs", NU)],
 [P("9031.49", "VISAR velocity interferometer system", NU)],
 [P("9013.20", "Copper vapour laser, 40 W average power", NU)],
 [P("8543.30", "Electrolytic cell for fluorine production, 300 g/h", NU)],
 [P("6903.90", "Tantalum crucibles for molten plutonium", NU)],
 [P("8525.89", "Radiation-hardened TV camera, 5 x 10^4 Gy", NU)],
 [P("8414.10", "Bellows-sealed scroll vacuum pump for UF6 service", NU)],
 [P("9031.10", "Centrifugal multiplane balancing machine for rotors, 3 planes", NU)],
 [P("8514.30", "Electron beam melting furnace, 80 kW, vacuum", NU)],
 [P("2844.10", "URANIUM ORE CONCENTRATE U3O8 DRUMS", NU)],
 [P("2844.10", "Uranyl nitrate hexahydrate, natural, 1 kg", NU)],
 [P("8401.20", "Centrifuge cascade header piping for UF6", NU)],
]
nuc_look = [
 [T("2615.10", "Zircon sand (zirconium silicate) for ceramics, 1 t big bags")],
 [T("3801.90", "Graphite lubricant powder, 100 g tubes")],
 [T("3004.90", "Bismuth subsalicylate chewable tablets")],
 [T("7409.90", "Beryllium copper strip C17200, 1.9% Be, for springs")],
 [T("2804.29", "Helium balloon gas, disposable 0.4 m3 cylinders")],
 [T("8507.60", "Lithium-ion battery packs, 48 V, for e-bikes")],
 [T("9405.41", "Tritium exit signs, self-luminous, 10 Ci")],
 [T("8413.70", "Heavy-duty water pump, centrifugal, for irrigation")],
 [T("8514.31", "Dental porcelain furnace, vacuum firing")],
 [T("8514.20", "Induction melting furnace, 500 kg, for iron foundry, air melting")],
 [T("9026.20", "Pressure transmitter for water networks, 0-16 bar")],
 [T("8484.90", "Rubber bellows expansion joints, DN 200")],
 [T("9022.12", "CT scanner, medical, 64 slice")],
 [T("2844.43", "Iodine-131 capsules for thyroid therapy")],
 [T("2845.90", "Carbon-13 labelled glucose, 1 g")],
 [T("8456.11", "Laser hair removal device, diode, 808 nm, salon")],
 [T("9006.59", "Instant camera, retail")],
 [T("8543.70", "Electric fly swatter, rechargeable")],
]
for it in nuc: decl("NUC", it)
for it in nuc_look: decl("NUT", it)

bio = [
 [P("3002.49", "Lassa mammarenavirus, live isolate", BI)],
 [P("3002.49", "Junin virus, strain XJ", BI)],
 [P("3002.49", "Hantaan virus, cell culture supernatant", BI)],
 [P("3002.49", "Monkeypox virus, clade I, live", BI)],
 [P("3002.49", "Venezuelan equine encephalitis virus, strain Trinidad donkey", BI)],
 [P("3002.49", "Eastern equine encephalitis virus isolate", BI)],
 [P("3002.49", "Japanese encephalitis virus, wild type strain", BI)],
 [P("3002.49", "Tick-borne encephalitis virus, Far Eastern subtype", BI)],
 [P("3002.49", "Hendra virus isolate", BI)],
 [P("3002.49", "SARS coronavirus (SARS-CoV-1), live", BI)],
 [P("3002.49", "Rinderpest virus, virulent field strain", BI)],
 [P("3002.49", "Peste des petits ruminants virus (PPRV), isolate", BI)],
 [P("3002.49", "Newcastle disease virus, velogenic strain", BI)],
 [P("3002.49", "Bluetongue virus serotype 8, isolate", BI)],
 [P("3002.49", "African horse sickness virus, field isolate", BI)],
 [P("3002.49", "Sheeppox virus, live culture", BI)],
 [P("3002.49", "Classical swine fever virus (hog cholera), Alfort strain", BI)],
 [P("3002.49", "Burkholderia mallei (glanders), lyophilised", BI)],
 [P("3002.49", "Chlamydia psittaci, culture", BI)],
 [P("3002.49", "Salmonella Typhi, clinical isolate", BI)],
 [P("3002.49", "E. coli O157:H7 (STEC), reference strain", BI)],
 [P("3002.49", "Brucella suis biovar 1", BI)],
 [P("3002.49", "Mycoplasma mycoides subsp. mycoides SC, culture", BI)],
 [P("3002.49", "Coccidioides posadasii culture", BI)],
 [P("3002.90", "Abrin, purified, 1 mg", BI)],
 [P("3002.90", "Saxitoxin dihydrochloride, 100 µg", BI, CH)],
 [P("3002.90", "Microcystin-LR, 500 µg", BI)],
 [P("3002.90", "T-2 toxin, 10 mg", BI)],
 [P("3002.90", "Shiga toxin 1, purified", BI)],
 [P("3002.90", "Cholera toxin from Vibrio cholerae, 1 mg", BI)],
 [P("3002.90", "Palytoxin, 100 µg", BI)],
 [P("3002.49", "Puccinia graminis f. sp. tritici (Ug99), spores", BI)],
 [P("3002.49", "Synchytrium endobioticum, resting spores", BI)],
 [P("3002.49", "Xanthomonas axonopodis pv. citri culture", BI)],
 [P("8479.89", "Single-use bioreactor 200 L, closed, with sensors", BI)],
 [P("8421.29", "Crossflow filtration skid, 3 m2, steam-in-place", BI)],
 [P("8419.39", "Pharmaceutical freeze dryer, SIP/CIP, ice capacity 60 kg/24h", BI)],
 [P("8419.89", "BIOREACTOR 1000L SS316L SIP", BI)],
 [P("9019.20", "Whole-body aerosol challenge chamber for animal studies", BI)],
]
bio_look = [
 [T("3002.41", "Cholera vaccine, oral, inactivated, 2 doses")],
 [T("3002.41", "Yellow fever vaccine 17D, live attenuated, 10-dose vials")],
 [T("3002.42", "Newcastle disease vaccine, live, LaSota, poultry, 1000 doses")],
 [T("3002.42", "Brucella abortus RB51 vaccine for cattle")],
 [T("3002.41", "Typhoid Vi polysaccharide vaccine")],
 [T("3822.19", "Salmonella rapid test kit, 96 tests")],
 [T("1211.90", "Mistletoe herb, dried, for herbal tea")],
 [T("7117.90", "wooden bead bracelets")],
 [T("2101.11", "Freeze-dried instant coffee, 200 g jars")],
 [T("8516.79", "Yoghurt maker, household")],
 [T("8438.40", "Craft beer fermenter, 1000 l, conical")],
 [T("8421.29", "Swimming pool sand filter")],
 [T("3926.20", "Disposable isolation gowns, non-sterile")],
 [T("9018.90", "Inhaler spacer device for children")],
 [T("3002.12", "Human albumin 20%, infusion")],
 [T("0307.43", "Frozen cuttlefish, cleaned")],
]
for it in bio: decl("BIO", it)
for it in bio_look: decl("BIT", it)

mis = [
 [P("2811.29", "MON-3 (mixed oxides of nitrogen), 500 kg", MI)],
 [P("2904.20", "Ammonium dinitramide (ADN), 5 kg", MI, ML)],
 [P("2933.99", "CL-20 (HNIW), 1 kg", MI, ML)],
 [P("4002.20", "PBAN binder (polybutadiene-acrylic acid-acrylonitrile), 200 kg", MI)],
 [P("2931.90", "Catocene burning rate catalyst, 10 kg", MI)],
 [P("2931.90", "Triphenyl bismuth (TPB) curing catalyst, 1 kg", MI)],
 [T("2849.90", "Boron carbide powder F1200, 3 micrometre, abrasive grade")],
 [P("8104.30", "Magnesium powder 99%, spherical, 40 micrometre", MI)],
 [P("8803.90", "Composite rocket motor case, filament wound, 1 m diameter", MI)],
 [P("8802.60", "Sounding rocket, two-stage, 300 km apogee", MI)],
 [P("8802.60", "Space launch vehicle second stage", MI)],
 [P("9306.90", "Cruise missile airframe sections", MI, ML)],
 [P("8806.99", "Target drone, jet powered, range 400 km", MI)],
 [P("8705.90", "Transporter-erector-launcher (TEL) for ballistic missiles", MI, ML)],
 [P("8413.81", "Turbopump for LOX/kerosene rocket engine", MI)],
 [P("8481.20", "Servo valves for liquid rocket engine propellant control", MI)],
 [P("8526.91", "Anti-jam GPS receiver, CRPA 7-element, for missile navigation", MI)],
 [P("9031.80", "Accelerometer, bias stability 50 micro-g, for inertial navigation", MI)],
 [P("9031.20", "Supersonic wind tunnel, Mach 3", MI)],
 [P("9031.20", "Rocket motor static test stand, 200 kN", MI)],
 [P("8417.80", "CVD furnace for carbon-carbon densification", MI)],
 [P("3801.90", "Pyrolytic graphite, rocket nozzle inserts", MI)],
 [P("7222.40", "Titanium-stabilised duplex stainless steel (Ti-DSS) plate", MI)],
 [P("8101.99", "Tungsten nozzle throat inserts for rocket motors", MI)],
 [P("9306.90", "Safing, arming and fuzing devices for missile warheads", MI, ML)],
 [P("9014.20", "Flight control computer and actuators for UAV, 300 km range", MI)],
 [P("2928.00", "1,1-DIMETHYLHYDRAZINE 99 PCT", MI)],
 [P("2825.10", "Hydrazine 98% anhydrous, 20 l", MI)],
 [P("2829.90", "AP (ammonium perchlorate) 99.5%, 90 micron", MI)],
]
mis_look = [
 [T("2825.10", "Hydrazine sulfate, reagent, 100 g")],
 [T("3102.30", "Ammonium nitrate fertiliser, 34.4% N, 50 kg bags")],
 [T("2829.90", "Potassium perchlorate for pyrotechnics, 25 kg")],
 [T("8104.11", "Magnesium ingots 99.8%, 7 kg")],
 [T("8424.90", "Boron carbide sandblasting nozzles")],
 [T("9025.80", "Radiosonde for weather balloons")],
 [T("9503.00", "RC airplane, foam, 2.4 GHz, 1 km range")],
 [T("9005.80", "Telescope with GoTo mount, 200 mm")],
 [T("7321.11", "Rocket stove for camping, wood burning")],
 [T("8471.60", "Flight simulator joystick, USB")],
 [T("8526.91", "Fitness watch GPS module")],
 [T("9031.80", "Accelerometer for vibration monitoring of pumps, 100 mV/g")],
 [T("8413.81", "Swimming pool heat pump")],
 [T("6815.11", "Graphite gaskets, flexible, for flanges")],
]
for it in mis: decl("MIS", it)
for it in mis_look: decl("MIT", it)

conv = [
 [P("9013.80", "Cooled MWIR thermal imaging core, 640x512, 30 Hz", CO, ML)],
 [P("8525.89", "IR camera uncooled 384x288, 25 fps", CO)],
 [P("8517.62", "Lawful interception system for carrier IP networks", CO)],
 [P("8517.62", "VPN appliance with AES-256 hardware encryption, 40 Gbps", CO)],
 [P("8543.70", "Quantum key distribution (QKD) system", CO)],
 [P("8517.62", "Verschlüsselungsgerät für Netzwerke, AES", CO)],
 [P("9014.80", "Towed hydrophone array, 128 channels", CO)],
 [P("8906.90", "AUV, depth rating 6000 m, untethered", CO)],
 [P("8479.89", "Work-class ROV, 4000 m depth, tethered", CO)],
 [P("9014.20", "Tactical-grade IMU, gyro bias 0.1 deg/h", CO, MI)],
 [P("9005.80", "Night vision monocular, Gen 3 filmless tube", CO, ML)],
 [P("8540.20", "Image intensifier tube, Gen 2+ , 18 mm", CO, ML)],
 [P("8458.91", "5-axis CNC mill, positioning accuracy 2 µm", CO, NU)],
 [P("9031.49", "CMM, MPE 1.3 µm", CO, NU)],
 [P("8542.31", "Radiation hardened microprocessor, 1 Mrad(Si) total dose", CO)],
 [P("8542.39", "ADC 10-bit, 10 GSPS", CO)],
 [P("9030.20", "Oscilloscope real-time bandwidth 70 GHz", CO)],
 [P("6815.19", "Carbon fibre T1000, tensile strength 6.4 GPa, modulus 294 GPa", CO, NU, MI)],
 [P("9020.00", "NBC protective suits, military grade, with respirator", CO, ML)],
 [P("8543.70", "Cellular jammer, 6 bands, 200 W, for VIP convoy", CO, ML)],
 [P("9013.20", "CW fibre laser 3 kW, single mode", CO)],
]
conv_look = [
 [T("5402.49", "UHMWPE fibre (Dyneema SK99) for ropes")],
 [T("8525.89", "Thermal camera, 160x120, 8.7 Hz, for building inspection")],
 [T("9005.80", "Digital night vision binocular, CMOS, for hunting")],
 [T("8479.89", "Mini ROV for aquaculture inspection, 150 m depth")],
 [T("8517.62", "Managed Ethernet switch, 24 port, VLAN")],
 [T("8471.70", "Encrypted USB flash drive, 32 GB")],
 [T("9013.20", "Laser pointer for cats, 1 mW")],
 [T("8458.11", "Benchtop mini lathe for hobby, 400 W")],
 [T("9030.31", "Digital multimeter, handheld")],
 [T("8542.31", "Microcontrollers, 32-bit ARM, consumer")],
 [T("8542.31", "Radiation-tolerant MCU, 30 krad(Si), for LEO cubesats")],
 [T("9014.80", "Underwater metal detector for divers")],
 [T("6815.19", "Carbon fibre sheets, 2 mm, for RC models")],
 [T("9020.00", "Gas mask, full face, for painting, A2P3 filters")],
 [T("8517.62", "Baby monitor with encryption, Wi-Fi")],
]
for it in conv: decl("CON", it)
for it in conv_look: decl("COT", it)

mil = [
 [P("9301.90", "General purpose machine guns 7.62 x 51 mm", ML)],
 [P("9301.90", "40 mm grenade launchers, under-barrel", ML)],
 [P("9301.20", "RPG-7 type launchers, 10 units", ML)],
 [P("9306.90", "155 mm artillery projectiles, HE", ML)],
 [P("9306.90", "Artillery fuzes, point detonating", ML)],
 [P("8710.00", "Armoured fighting vehicles, tracked, used", ML)],
 [P("8906.10", "Diesel-electric submarine, naval", ML)],
 [P("8803.30", "Fighter aircraft spare parts, F-16 landing gear", ML)],
 [P("8803.20", "Military helicopter main rotor blades", ML)],
 [P("9305.99", "Rifle magazines, 30 rounds, 5.56 mm", ML)],
 [P("9305.91", "Gun barrels for 12.7 mm heavy machine guns", ML)],
 [P("9303.90", "Signal flare pistols, 26.5 mm", ML)],
 [P("9304.00", "Electroshock stun guns (Taser type)", ML)],
 [P("9304.00", "Police batons, telescopic", ML)],
 [P("93.02", "PISTOLS 9MM SEMI AUTO GLOCK 17 GEN5", ML)],
 [P("9302 00 00 00", "Revolver .357 Magnum", ML)],
 [P("930630", "CARTRIDGES 7.62X39 FMJ 1000 RDS", ML)],
 [P("9306.29", "Airgun pellets .22, tins of 500", ML)],
 [P("9303.30", "Bolt-action rifles .30-06, hunting", ML)],
 [P("9303.20", "Over-and-under shotguns 12 ga", ML)],
 [P("9306.90", "Rifle grenades, HE", ML)],
 [P("8526.10", "Fire control radar for naval guns", ML)],
 [P("9013.10", "Thermal weapon sight, military, for assault rifles", ML, CO)],
 [P("3602.00", "Plastic explosive C-4, military", ML)],
 [P("3601.00", "Double-base rocket propellant grains, military", ML, MI)],
]
mil_look = [
 [T("9503.00", "Toy soldiers, plastic, 100 pcs")],
 [T("6403.91", "Military style combat boots, civilian fashion")],
 [T("8705.90", "Cash-in-transit vehicle with ballistic protection")],
 [T("7007.19", "Bullet-resistant glass for bank counters")],
 [T("6116.10", "Cut-resistant aramid gloves, EN 388")],
 [T("6301.20", "Army surplus wool blankets")],
 [T("8211.92", "Hunting knife, fixed blade")],
 [T("9504.90", "Battleship board game")],
 [T("8509.40", "Bullet blender, personal, 250 W")],
 [T("4202.99", "Leather belt pouch for phones")],
 [T("9403.20", "Gun safe, steel, for 10 long guns")],
 [T("9013.10", "Spotting scope for birdwatching")],
 [T("9613.10", "Grenade-shaped cigarette lighters")],
 [T("8424.30", "Pressure washer, 150 bar")],
 [T("9505.90", "Halloween costume, soldier")],
 [T("3604.90", "Signal flares, marine, handheld, SOLAS")],
]
for it in mil: decl("MIL", it)
for it in mil_look: decl("MLT", it)

# ordinary goods, all 21 sections
ordn = [
 [N("0102.29", "Live cattle, breeding heifers"), N("0803.90", "Bananas, fresh, Cavendish")],
 [N("1001.99", "Milling wheat, 12.5% protein, bulk"), N("1509.20", "Extra virgin olive oil, 5 l tins")],
 [N("2203.00", "Lager beer, 330 ml cans"), N("2402.10", "Cigars, hand rolled, boxes of 25")],
 [N("2523.29", "Portland cement CEM I 42.5, 50 kg bags"), N("2709.00", "Crude petroleum oil, Brent blend")],
 [N("3004.90", "Ibuprofen 400 mg tablets, blister packs"), N("3208.90", "Marine antifouling paint, 2.5 l")],
 [N("3917.23", "PVC drainage pipes, 110 mm"), N("4016.93", "Rubber O-ring kits")],
 [N("4202.21", "Leather handbags, women's"), N("4418.20", "Solid oak interior doors")],
 [N("4819.10", "Folding cartons, printed, for cereals"), N("4911.10", "Trade advertising brochures")],
 [N("6110.20", "Cotton pullovers, knitted"), N("5407.61", "Woven polyester fabric, 150 cm")],
 [N("6402.99", "Sports shoes, rubber soles"), N("6505.00", "Baseball caps, cotton")],
 [N("6907.21", "Porcelain floor tiles 60x60 cm"), N("7013.49", "Drinking glasses, soda-lime")],
 [N("7113.11", "Silver earrings, 925"), N("7323.93", "Stainless steel saucepans")],
 [N("8422.11", "Dishwashers, household, 60 cm"), N("8471.41", "Point-of-sale terminals")],
 [N("8711.20", "Motorcycles 125 cc"), N("8712.00", "City bicycles, steel frame")],
 [N("9004.10", "Sunglasses, polarised"), N("9021.10", "Orthopaedic knee braces")],
 [N("9404.21", "Foam mattresses, 160x200 cm"), N("9506.62", "Footballs, size 5")],
 [N("9701.21", "Oil painting on canvas, original, 20th century"), N("4820.50", "Stamp collection albums")],
 [N("1006.30", "Jasmine rice, 5 kg bags"), N("1604.14", "Canned tuna in olive oil")],
 [N("2106.90", "Protein powder, whey, 1 kg"), N("2202.10", "Cola soft drinks, 1.5 l")],
 [N("3305.90", "Hair conditioner, 400 ml"), N("3401.20", "Laundry soap flakes")],
 [N("8528.72", "LED TVs 43 inch"), N("8516.50", "Microwave ovens, 20 l")],
 [N("8703.40", "Hybrid passenger cars, new"), N("4011.10", "Winter tyres 195/65 R15")],
 [N("0409.00", "Natural honey, 500 g jars"), N("0902.30", "Black tea, bags")],
 [N("4412.33", "Birch plywood 18 mm"), N("4703.21", "Bleached softwood kraft pulp")],
 [N("7214.20", "Rebar steel B500B, 12 mm"), N("7604.21", "Aluminium window profiles")],
 [N("8415.10", "Wall-mounted AC units, inverter, 2.5 kW"), N("8418.50", "Display freezers for supermarkets")],
 [N("9503.00", "Jigsaw puzzles, 1000 pieces"), N("9608.10", "Ballpoint pens, blue")],
 [N("6204.43", "Women's dresses, polyester"), N("6302.21", "Bed linen, printed cotton")],
 [N("0406.10", "Mozzarella, fresh, 125 g"), N("0710.22", "Frozen green beans")],
 [N("8481.10", "Pressure reducing valves for domestic water"), N("7318.14", "Self-tapping screws")],
]
for it in ordn: decl("ORD", it)

# more look-alikes: words or headings shared with controlled goods
look2 = [
 [T("3304.99", "Anti-ageing cream with peptide 'Botox-like' effect")],
 [T("0304.89", "Pufferfish-shaped fish cakes")],
 [T("8419.81", "Espresso machine, commercial, steam wand")],
 [T("8421.19", "Honey extractor, centrifugal, 4 frames")],
 [T("8422.30", "Bottle filling machine, sterile, for juice")],
 [T("8479.82", "Industrial paddle mixer for mortar")],
 [T("2844.40", "Lutetium-177 radiopharmaceutical, patient dose")],
 [T("8543.70", "Ultrasonic pest repeller")],
 [T("9031.80", "Tyre pressure gauge, digital")],
 [T("2804.10", "Hydrogen gas, 200 bar cylinders")],
 [T("2804.30", "Nitrogen gas, industrial, 50 l cylinders")],
 [T("2711.13", "Butane lighter refill gas, 300 ml")],
 [T("2811.29", "Carbon monoxide calibration gas, 50 ppm in N2")],
 [T("9027.10", "Gas detector for CO and H2S, personal")],
 [T("8526.92", "Car key fobs, remote control")],
 [T("8504.40", "Variable frequency drive for pumps, 50/60 Hz, 11 kW")],
 [T("8462.61", "Hydraulic press for car workshops, 20 t")],
 [T("7304.31", "Cold-drawn steel tubes for hydraulic cylinders")],
 [T("7606.12", "Aluminium alloy 7075 sheet for bicycle parts")],
 [T("8108.20", "Titanium bar Grade 5 for medical implants")],
]
for it in look2: decl("LK2", it)


# ---------------- wave 2: more spellings, abbreviations, typos, thresholds
w2 = [
 [P("2844.20", "ENRICHED URANIUM HEXAFLOURIDE 5% U235", NU)],
 [P("2844.10", "Urano natural, óxido U3O8", NU)],
 [P("8401.40", "Steam generator for PWR primary circuit", NU)],
 [P("8401.40", "Fuel handling machine for reactor refuelling", NU)],
 [P("2845.10", "D2O 99.9 atom%D, 25 l", NU)],
 [P("3801.90", "Nuclear graphite, IG-110, boron equivalent 0.5 ppm", NU)],
 [P("8401.20", "Gas centrifuge rotor tubes, carbon fibre", NU)],
 [P("8481.80", "Valves for UF6, bellows sealed, Monel", NU)],
 [P("8419.89", "Autoclave for UF6 feed, heated", NU)],
 [P("9013.20", "Dye laser for uranium isotope separation (AVLIS)", NU)],
 [P("8543.10", "Neutron tube generator, D-D, 10^8 n/s", NU)],
 [P("8428.90", "Telemanipulators, master-slave, through-wall, for hot cells", NU)],
 [P("7608.20", "Aluminium alloy 7075-T6 tubes, outside diameter 80 mm, UTS 560 MPa", NU)],
 [P("8108.90", "Titanium alloy tubes Ti-6Al-4V, 120 mm OD, UTS 950 MPa", NU)],
 [P("2805.19", "Lithium metal enriched 95% Li-6", NU)],
 [P("3602.00", "Octogen (HMX), 25 kg", NU, ML)],
 [P("3603.00", "Slapper detonators, exploding foil initiators", NU)],
 [P("8504.40", "Static frequency converter 600-2000 Hz, 40 kW, multiphase output", NU)],
 [P("8502.39", "Motor-generator set, 1.5 kHz output, 3-phase", NU)],
 [P("8101.96", "Tungsten carbide cylinders, hollow, 150 mm ID", NU)],
 [P("8112.92", "Hafnium oxide, 99.9%", NU)],
 [P("8104.90", "Magnesium metal, nuclear grade, 99.99%", NU)],
 [P("6909.19", "Beryllium oxide ceramic crucibles", NU)],
 [T("9030.10", "Gamma spectrometer HPGe for lab")],
 [T("2844.43", "Po-210 static eliminator strips, 500 uCi")],
 [T("9030.10", "BF3 neutron detector tubes")],
 [T("9031.20", "Coordinate measuring machine, MPE 2.5 µm")],
 [T("9031.49", "Laser tracker, 3D coordinate measurement, MPE 15 µm + 6 µm/m")],
 [T("5402.11", "Aramid yarn Kevlar 49, 1580 dtex")],
 [T("8806.22", "Quadcopter, 2 kg, range 10 km")],
 [T("9030.20", "Digital storage oscilloscope, 200 MHz, 4 channels")],
 [T("2922.19", "2-Dimethylaminoethanol (DMAE) 99%, 180 kg")],
 [T("3002.49", "Rickettsia rickettsii")],
 [T("8479.89", "Oligonucleotide synthesizer, 192 column, 200 nt")],
 [T("8542.39", "Radiation hardened SRAM, 300 krad(Si)")],
 [T("8542.39", "USB DAC for headphones, 32-bit 384 kHz")],
 [T("8525.89", "Dash cam with IR night vision")],
 [T("8502.13", "Diesel motor generator set 50 Hz 100 kVA")],
 [T("2930.90", "Thiodiglycolic acid, 99%, 25 kg")],
 [P("8412.10", "SRM (solid rocket motor), 2 MNs total impulse", MI)],
 [P("8412.10", "Rocket motor, solid propellant, HTPB/AP/Al, impulse 900 kNs", MI)],
 [P("8412.10", "Raketentriebwerk, Flüssigtreibstoff, Schub 100 kN", MI)],
 [P("8412.10", "Ракетный двигатель твердотопливный", MI)],
 [P("8806.23", "Fixed-wing UAS, endurance 12 h, range 600 km, payload 25 kg", MI)],
 [P("8806.99", "Loitering munition", MI, ML)],
 [P("8806.24", "UCAV, armed, MALE class, 1000 km range", MI, ML)],
 [P("9014.20", "INS/GPS navigation unit, ring laser gyro, for aircraft", MI, CO)],
 [P("9014.20", "Strapdown inertial navigation system, 0.01 nm/h", MI, CO)],
 [P("9014.20", "FOG 0.05°/hr bias", MI, CO)],
 [P("9014.20", "Dynamically tuned gyroscope, drift 0.1 deg/hr", MI, CO)],
 [P("9031.80", "Servo accelerometer, quartz flexure, bias 20 ug", MI)],
 [P("2829.90", "AMMONIUM PERCHLORATE 200 MICRON", MI)],
 [P("3911.90", "Polybutadiene hydroxyl-terminated R-45HTLO", MI)],
 [P("3911.90", "HTPB R45", MI)],
 [P("2811.29", "Nitrogen tetroxide, propellant grade, MON-1", MI)],
 [P("2811.29", "Dinitrogen pentoxide, 1 kg", MI)],
 [P("2808.00", "Red fuming nitric acid, inhibited", MI)],
 [P("2928.00", "Heptyl (UDMH)", MI)],
 [P("2928.00", "Hydrazine, methyl- (MMH), 99%", MI)],
 [P("7603.10", "Aluminium powder, spherical, 6 µm, 99.7% Al, propellant grade", MI)],
 [P("8109.20", "Zirconium powder, 99%, 2-3 µm", MI)],
 [P("2850.00", "Titanium subhydride powder (TiH 1.65)", MI)],
 [P("2804.50", "Boron powder, amorphous, 95%, 1 µm", MI)],
 [P("8803.90", "Nose cone, ablative, for re-entry vehicle", MI)],
 [P("8479.89", "Filament winding machine, 6 axis, for pressure vessels", MI, NU)],
 [P("8477.80", "Tape-laying machine, CNC, for composite structures", MI)],
 [P("8486.20", "CVD reactor for pyrolytic carbon deposition", MI)],
 [P("8526.91", "GNSS receiver for missiles, 600 m/s, 18 km altitude", MI)],
 [P("8529.10", "Anti-jam antenna, controlled reception pattern, military GPS", MI, ML)],
 [P("9031.20", "Vibration test table, 100 kN, 5 Hz to 2000 Hz, closed loop", MI)],
 [P("8506.50", "Thermal battery, lithium, for guided missiles", MI, ML)],
 [P("8479.89", "Launcher rails for missiles", ML, MI)],
 [P("8705.90", "Mobile launcher, multiple rocket (MLRS)", ML)],
 [P("3002.49", "Bacillus anthracis Vollum strain", BI)],
 [P("3002.49", "Y. pestis CO92", BI)],
 [P("3002.49", "F. tularensis SCHU S4", BI)],
 [P("3002.49", "C. botulinum type E culture", BI)],
 [P("3002.49", "Marburgvirus, Angola isolate", BI)],
 [P("3002.49", "Ebola virus Makona, live", BI)],
 [P("3002.49", "Mpox virus clade Ib isolate", BI)],
 [P("3002.49", "Kyasanur Forest disease virus", BI)],
 [P("3002.49", "Omsk haemorrhagic fever virus", BI)],
 [P("3002.49", "Powassan virus", BI)],
 [P("3002.49", "Rocio virus", BI)],
 [P("3002.49", "Louping ill virus", BI)],
 [P("3002.49", "Murray Valley encephalitis virus", BI)],
 [P("3002.49", "Oropouche virus", BI)],
 [P("3002.49", "Machupo virus", BI)],
 [P("3002.49", "Guanarito virus", BI)],
 [P("3002.49", "Chapare virus", BI)],
 [P("3002.49", "Lujo virus", BI)],
 [P("3002.49", "Andes hantavirus", BI)],
 [P("3002.49", "Sin Nombre virus", BI)],
 [P("3002.49", "Dobrava-Belgrade virus", BI)],
 [P("3002.49", "Western equine encephalitis virus", BI)],
 [P("3002.49", "Reconstructed 1918 influenza virus", BI)],
 [P("3002.49", "HPAI H7N9 isolate", BI)],
 [P("3002.49", "Goatpox virus", BI)],
 [P("3002.49", "Swine vesicular disease virus", BI)],
 [P("3002.49", "Vesicular stomatitis virus", BI)],
 [P("3002.49", "Porcine teschovirus (Teschen disease)", BI)],
 [P("3002.49", "Pseudorabies virus (Aujeszky's disease)", BI)],
 [P("3002.49", "Lyssavirus, Australian bat", BI)],
 [P("3002.49", "Burkholderia pseudomallei K96243", BI)],
 [P("3002.49", "Escherichia coli O104:H4, Shiga toxin producing", BI)],
 [P("3002.49", "Mycoplasma capricolum subsp. capripneumoniae F38", BI)],
 [P("3002.49", "Clostridium baratii, botulinum neurotoxin producing strain", BI)],
 [P("3002.90", "Verotoxin 2, 10 µg", BI)],
 [P("3002.90", "Diacetoxyscirpenol, 5 mg", BI)],
 [P("3002.90", "HT-2 toxin standard", BI)],
 [P("3002.90", "Modeccin", BI)],
 [P("3002.90", "Viscumin", BI)],
 [P("3002.90", "Volkensin", BI)],
 [P("3002.90", "Brevetoxin PbTx-2", BI)],
 [P("3002.90", "Nodularin-R", BI)],
 [P("3002.90", "Alpha-toxin of Staphylococcus aureus", BI)],
 [P("3002.90", "Toxic shock syndrome toxin-1 (TSST-1)", BI)],
 [P("3002.90", "Clostridium perfringens beta toxin", BI)],
 [P("3002.49", "Xanthomonas albilineans", BI)],
 [P("3002.49", "Clavibacter michiganensis subsp. sepedonicus", BI)],
 [P("3002.49", "Colletotrichum kahawae (coffee berry disease)", BI)],
 [P("3002.49", "Cochliobolus miyabeanus", BI)],
 [P("3002.49", "Microcyclus ulei (South American leaf blight)", BI)],
 [P("3002.49", "Puccinia striiformis (stripe rust)", BI)],
 [P("3002.49", "Magnaporthe oryzae (rice blast)", BI)],
 [P("3002.49", "Peronosclerospora philippinensis", BI)],
 [P("3002.49", "Sclerophthora rayssiae var. zeae", BI)],
 [P("3002.49", "Tilletia indica (Karnal bunt)", BI)],
 [P("3002.49", "Thecaphora solani", BI)],
 [P("3002.49", "Potato spindle tuber viroid", BI)],
 [P("3002.49", "Andean potato latent virus", BI)],
 [P("3002.49", "Plasmid encoding ricin A chain", BI)],
 [P("3002.49", "Recombinant plasmid containing botulinum neurotoxin gene", BI)],
 [P("8479.89", "Chemostat 30 l, continuous culture, sterilisable", BI)],
 [P("8421.19", "Disc-stack centrifuge, continuous, 500 l/h, SIP, hermetic", BI)],
 [P("8421.29", "Hollow fibre cross-flow module 1.5 m2", BI)],
 [P("8419.33", "Lyophilizer, SIP, 20 kg ice/24h", BI)],
 [P("6210.10", "Full-body suit, positive pressure, with hood and breathing air line", BI)],
 [P("8421.39", "Microbiological safety cabinet Class III", BI)],
 [P("9406.90", "BSL-3 modular laboratory, complete", BI)],
 [P("8525.89", "Thermal imager LWIR 640, 50Hz, VOx", CO, ML)],
 [P("8525.89", "THERMAL CAM 640X480 60HZ UNCOOLED", CO, ML)],
 [P("8525.89", "Caméra IR refroidie 3-5 µm, 100 Hz", CO, ML)],
 [P("8525.89", "Termokamera 384x288, 50 Hz", CO, ML)],
 [P("9005.80", "NVG, white phosphor, Gen3", CO, ML)],
 [P("9005.80", "Night-vision rifle scope, Gen 2+", CO, ML)],
 [P("9013.10", "Thermal clip-on sight for rifles", ML, CO)],
 [P("8541.49", "Microbolometer array 1024x768, 12 µm pitch", CO)],
 [P("8541.49", "InGaAs focal plane array 640x512, SWIR", CO)],
 [P("9013.20", "Disk laser, 16 kW CW, for welding", CO)],
 [P("9014.80", "Synthetic aperture sonar, AUV mounted", CO)],
 [P("8517.62", "IMSI grabber, 4G/5G", CO)],
 [P("8517.62", "Deep packet inspection platform for ISP, lawful intercept", CO)],
 [P("8517.62", "Satellite modem with TRANSEC encryption", CO)],
 [P("8471.50", "Hardware security module (HSM), PCIe, FIPS 140-3", CO)],
 [P("8542.39", "DAC 16-bit 12 GSPS", CO)],
 [P("8542.39", "ADC 8 bit 5 GSa/s", CO)],
 [P("8457.10", "Machining centre 5 axis simultaneous, repeatability 0.8 µm", CO, NU)],
 [P("8460.29", "Jig grinder, CNC, positioning accuracy 1.5 µm", NU, CO)],
 [P("8458.11", "CNC turning centre, positioning accuracy 3 µm", NU, CO)],
 [P("8463.90", "Spin forming machine, 3 rollers, CNC", NU, MI)],
 [P("6815.19", "PAN-based carbon fibre, 7 GPa tensile strength", CO, NU, MI)],
 [P("3921.90", "Prepreg, carbon/epoxy, T800, 120 °C cure", MI, NU, CO)],
 [P("9020.00", "CBRN respirator, military, NATO 40 mm canister", CO, ML)],
 [P("9027.10", "Chemical agent detector, IMS, nerve and blister agents", CO, ML)],
 [P("6210.10", "Chemical protective suit, military, JSLIST type", CO, ML)],
 [P("8542.31", "Rad-hard FPGA, 1 Mrad TID", CO)],
 [P("9301.90", "HMG 12.7mm M2 type", ML)],
 [P("9301.10", "Mortar 120 mm, towed", ML)],
 [P("9301.90", "Anti-materiel rifle .50 BMG", ML)],
 [P("9302.00", "PISTOL CAL 45ACP", ML)],
 [P("9303.30", "Semi-automatic sporting rifle .223 Rem", ML)],
 [P("9305.20", "Shotgun chokes and stocks", ML)],
 [P("9305.99", "Sound moderator for .22 rifles", ML)],
 [P("9306.30", "Ammunition .50 BMG, linked", ML)],
 [P("9306.90", "Fragmentation grenades, M67 type", ML)],
 [P("9306.90", "Torpedo, heavyweight, 533 mm", ML)],
 [P("9306.90", "Depth charges", ML)],
 [P("9306.90", "Air-dropped bombs, 250 kg GP", ML)],
 [P("9306.90", "Rocket-propelled grenades, PG-7V", ML)],
 [P("8710.00", "Infantry fighting vehicle BMP type", ML)],
 [P("8710.00", "MRAP vehicles", ML)],
 [P("8802.11", "Attack helicopter Mi-24, armed", ML)],
 [P("8802.30", "Military transport aircraft, C-130 type", ML)],
 [P("8906.10", "Corvette, naval, with 76 mm gun", ML)],
 [P("8906.10", "Frigate, anti-submarine", ML)],
 [P("8526.10", "Battlefield surveillance radar", ML)],
 [P("8517.62", "Military radio, frequency hopping, NSA Type 1 encryption", ML, CO)],
 [P("6211.33", "Ballistic vest level IIIA soft armour", ML)],
 [P("7326.90", "Steel ballistic plates level III", ML)],
 [P("6506.10", "Combat helmet, aramid, PASGT", ML)],
 [P("3601.00", "Military propellant powder, single base", ML)],
 [P("3604.90", "Smoke grenades, military, red phosphorus", ML)],
]
for it in w2: decl("W2", it)

# ---------------- parties
def pdecl(name, country, hit, goods=("9403.60", "Wooden dining tables")):
    parties = [{"role": "exporter", "name": "Rotterdam Chemical Traders BV", "country": "NL"},
               {"role": "consignee", "name": name, "country": country}]
    decl("PTY", [N(*goods)], parties=parties, sanctions=hit, embargo=None)

pos_parties = [
 # individuals: other order, no middle names, transliteration, listed alias, caps, titles
 ("Zawahiri, Ayman", "EG"), ("Ayman al-Zawahiry", "EG"), ("Kony Salim", "CF"), ("Salim Saleh Kony", "UG"),
 ("Mr. Fereidoun Abbasi Davani", "IR"), ("Abbasi-Davani, Fereydoun", "IR"), ("KIM TONG CHOL", "KP"), ("Tong Chol Kim", "KP"),
 ("Ri Je Son", "KP"), ("Ri Che-son", "KP"), ("Jang Chang Ha", "KP"), ("Kang Mun-kil", "KP"),
 ("Jiang Wen-ji", "CN"), ("KATANGA Germain", "CD"), ("Frank Kakorere Bwambale", "CD"), ("Nasser Maleki", "IR"),
 ("Hooshang Nobari", "IR"), ("Adem Yilmaz", "TR"), ("Sally-Anne Jones", "GB"), ("Akhmed Chataev", "RU"),
 ("Gul Agha Ishaqzai", "AF"), ("Mullah Gul Agha", "AF"), ("Esmatullah Asem", "AF"), ("Asmatullah Asim", "AF"),
 ("Hassan Abdillahi Hersi Turki", "SO"), ("Nur Mohammad Saqib", "AF"), ("Mun Kyong-hwan", "KP"), ("Ri Song-hyok", "KP"),
 # entities: listed alias, abbreviations, word forms
 ("Ya Mahdi Industries Group", "IR"), ("Special Industries Group (SIG)", "IR"), ("Industrial Factories of Precision Machinery", "IR"),
 ("Instrumentation Factories Plant", "IR"), ("Chon Myong Shipping Company Limited", "KP"), ("Singwang Economics & Trading General Corp.", "KP"),
 ("Korea Complex Equipment Import Corp", "KP"), ("Bank of East Land", "KP"), ("Dongbang Bank", "KP"), ("Korea United Development Bank", "KP"),
 ("Korea Samjong Shipping Co.", "KP"), ("Pishgam Energy Industries", "IR"), ("Pioneer Energy Industries Company", "IR"),
 ("Munitions Industry Department", "KP"), ("Myohyang Shipping Company", "KP"), ("Korea Daesong General Trading Corp.", "KP"),
 ("Daesong Trading Company", "KP"), ("Sahel Consultant Engineers", "IR"), ("M. Babaie Industries", "IR"),
 ("Logarcheo AG", "CH"), ("Congomet Trading House", "CD"), ("Benevolence International Foundation", "US"),
 ("Taibah International Aid Agency", "BA"), ("Tehrik-i-Taliban Pakistan", "PK"), ("Ansar Dine", "ML"),
 ("Kingly Won International Co Ltd", "KP"), ("Butembo Airlines", "CD"), ("Sad Import Export Co.", "IR"), ("Hara Co.", "IR"),
 ("Huda Ammash", "IQ"), ("Rustam Hanafi", "AF"), ("Hilarion Santos", "PH"), ("Fereydoun Abbasi", "IR"),
 ("Chataev Akhmed", "GE"), ("The Houthi movement", "YE"), ("Islamic State West Africa", "NG"), ("Kim Dong Chol", "KP"),
]
for name, c in pos_parties:
    pdecl(name, c, True)
neg_parties = [
 ("Kim Trading Co Ltd", "KR"), ("Ali Hassan Furniture LLC", "AE"), ("Hassan Ali Textiles Pvt Ltd", "PK"), ("Mahdi Auto Parts", "AE"),
 ("Special Industries Ltd", "GB"), ("Pioneer Energy Services Corp", "US"), ("Korea Industrial Complex Ltd", "KR"),
 ("East Asia Development Bank Consulting", "SG"), ("Tanzania Development Finance Co", "TZ"),
 ("Precision Machinery Trading Co", "TW"), ("Kim Soo-hyun", "KR"), ("Park Ji-hoon", "KR"), ("Lee Min-ho Electronics", "KR"),
 ("Zhang Wei", "CN"), ("Ahmed Khan Trading", "PK"), ("Abdul Rahman Spices LLC", "AE"), ("Omar Farouk Logistics", "EG"),
 ("Golden Harvest Shipping Ltd", "HK"), ("International Foundation for Electoral Systems", "US"), ("Energy Industries Group plc", "GB"),
 ("Aid Agency Partners Ltd", "GB"), ("Airlines Catering Services SA", "BE"), ("Trading House Ostwind GmbH", "DE"),
 ("Jones & Partners Solicitors", "GB"), ("Yilmaz Insaat Ltd Sti", "TR"), ("Lubumbashi Copper Traders", "CD"),
 ("Mun & Co Accountants", "KR"), ("Ri Trading", "CN"), ("Import Export Company Ltd", "NG"), ("Shipping & Marine Services Ltd", "KE"),
 ("United Development Bank", "US"), ("Kim Jong Electronics", "KR"), ("Hussein Hosseini Carpets", "DE"), ("Salim Traders", "KE"), ("Sayed Brothers Trading", "BD"), ("Gul Textiles", "PK"), ("Engineering Consultants Group", "EG"),
]
for name, c in neg_parties:
    pdecl(name, c, False)

# ---------------- embargoes
KP = [{"role": "exporter", "name": "Jilin Crossborder Commerce Co Ltd", "country": "CN"},
      {"role": "consignee", "name": "Rason Trading Bureau No. 5", "country": "KP"}]
KPO = [{"role": "exporter", "name": "Chongjin Export Office No. 4", "country": "KP"},
       {"role": "consignee", "name": "Hunchun Import Co Ltd", "country": "CN"}]
def edecl(parties, hs, desc, hit, dest=None, dispatch=None, transit=None):
    decl("EMB", [A(hs, desc)], parties=parties, sanctions=None, embargo=hit, dest=dest, dispatch=dispatch, transit=transit)
for hs, d in [("8701.92", "Agricultural tractors, 75 hp"), ("8429.52", "Hydraulic excavators, 20 t"),
              ("7606.12", "Aluminium alloy sheets"), ("7408.11", "Copper winding wire"),
              ("2208.60", "Vodka, 40% vol., 0.7 l"), ("3303.00", "Perfumes, eau de parfum, 100 ml"),
              ("5701.10", "Hand-knotted wool carpets"), ("4303.10", "Mink fur coats"),
              ("8903.22", "Motor yacht, 14 m"), ("7113.19", "Gold necklaces, 18 ct"),
              ("2710.19", "Jet fuel, kerosene type"), ("2711.12", "LPG propane, bulk"),
              ("2709.00", "Crude oil, 10 000 t"), ("9506.51", "Tennis rackets, graphite"),
              ("1604.31", "Caviar, sturgeon, 50 g tins"), ("8517.14", "Satellite phones"),
              ("8544.49", "Electric cables, copper, insulated"), ("7308.40", "Steel props for mining")]:
    edecl(KP, hs, d, True)
for hs, d in [("1005.90", "Maize, for humanitarian distribution"), ("4015.12", "Nitrile examination gloves, medical"),
              ("3004.20", "Amoxicillin capsules, humanitarian aid"), ("0402.21", "Milk powder, 25 kg"),
              ("3401.11", "Soap bars, hygiene kits, UNICEF"), ("6306.22", "Tents, family, UNHCR")]:
    edecl(KP, hs, d, False)
for hs, d in [("0709.59", "Dried mushrooms (pine mushroom)"), ("1211.20", "Ginseng roots, dried"),
              ("2519.90", "Dead-burned magnesia"), ("5007.20", "Silk fabrics"), ("6110.30", "Knitted sweaters, synthetic"),
              ("0307.42", "Frozen squid"), ("2607.00", "Lead ore concentrate"), ("7901.11", "Zinc ingots 99.99%"),
              ("9703.10", "Bronze statues"), ("7202.21", "Ferro-silicon"), ("4412.39", "Plywood"),
              ("8504.21", "Electrical transformers, used")]:
    edecl(KPO, hs, d, True)
for hs, d in [("6704.20", "Wigs and false eyelashes, human hair"), ("9504.40", "Playing cards")]:
    edecl(KPO, hs, d, False)
# notify party / transit in KP
edecl([{"role": "exporter", "name": "Jilin Crossborder Commerce Co Ltd", "country": "CN"},
       {"role": "consignee", "name": "Dalian Forwarding Co", "country": "CN"},
       {"role": "notify", "name": "Nampo Port Agency", "country": "KP"}], "8431.49", "Excavator buckets", True)
edecl([{"role": "exporter", "name": "Vladivostok Supply LLC", "country": "RU"},
       {"role": "consignee", "name": "Haiphong Steel JSC", "country": "VN"}], "7210.49", "Galvanised steel coils", True, transit=["KP"])
# same goods elsewhere: not embargoed
CNTH = [{"role": "exporter", "name": "Jilin Crossborder Commerce Co Ltd", "country": "CN"},
        {"role": "consignee", "name": "Vientiane Trading Co", "country": "LA"}]
for hs, d in [("8701.92", "Agricultural tractors, 75 hp"), ("2208.60", "Vodka, 40% vol., 0.7 l"),
              ("8903.22", "Motor yacht, 14 m"), ("7606.12", "Aluminium alloy sheets")]:
    edecl(CNTH, hs, d, False)
KRO = [{"role": "exporter", "name": "Busan Seafood Co", "country": "KR"}, {"role": "consignee", "name": "Osaka Foods KK", "country": "JP"}]
edecl(KRO, "0307.42", "Frozen squid", False)
# UN arms embargoes
def arms(dest_name, c, hs, d, hit):
    edecl([{"role": "exporter", "name": "Liege Armes SA", "country": "BE"}, {"role": "consignee", "name": dest_name, "country": c}], hs, d, hit)
arms("Benghazi Security Supplies", "LY", "9302.00", "Pistols 9 mm", True)
arms("Juba Trading Co", "SS", "9306.30", "Rifle cartridges 7.62 mm", True)
arms("Port-au-Prince Security SA", "HT", "9303.30", "Hunting rifles", True)
arms("Sanaa General Trading", "YE", "9306.21", "Shotgun cartridges", True)
arms("Bangui Commerce SARL", "CF", "9304.00", "Air rifles", True)
arms("Goma Import Export", "CD", "9305.10", "Pistol parts", True)
arms("Khartoum Hunting Club", "SD", "9303.20", "Shotguns", True)
arms("Baghdad Security Services", "IQ", "9301.90", "Machine guns", True)
arms("Beirut Sporting Goods", "LB", "9306.29", "Air gun pellets", True)
arms("Cairo Hunting Supplies", "EG", "9302.00", "Pistols 9 mm", False)
arms("Nairobi Sporting Arms", "KE", "9306.30", "Rifle cartridges 7.62 mm", False)
arms("Santo Domingo Armeria SRL", "DO", "9303.30", "Hunting rifles", False)
arms("Amman Security Supplies", "JO", "9301.90", "Machine guns", False)
arms("Tripoli Agricultural Supplies", "LY", "8701.92", "Agricultural tractors", False)
arms("Juba Builders Ltd", "SS", "7214.20", "Reinforcing steel bars", False)
arms("Tripoli Defence Logistics", "LY", "8710.00", "Armoured personnel carriers, wheeled", True)

with open(os.path.join(here, "declarations.ndjson"), "w") as f:
    for d in decls: f.write(json.dumps(d, ensure_ascii=False) + "\n")
with open(os.path.join(here, "labels.ndjson"), "w") as f:
    for l in labels: f.write(json.dumps(l, ensure_ascii=False) + "\n")
print(len(decls), "declarations,", sum(len(l["items"]) for l in labels), "items")
