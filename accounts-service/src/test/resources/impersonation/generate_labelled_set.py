#!/usr/bin/env python3
"""Writes labelled.tsv, the impersonation quality set, from references.tsv.

The label of a row is what the account IS (an impersonation or not), decided by the category it is built in,
never by what the engine answers. Variety comes from many hand-written transformations, bios and hard
negatives; context (age, followers, badge) is drawn from distributions, and a share of impersonators look
established (hijacked, renamed accounts) while a share of innocent accounts look new. Seeded: re-running it
gives the same file. Run from this directory: python3 generate_labelled_set.py
"""
import random

random.seed(20261127)
NOW_YEAR = 2026  # the test scores at 2026-11-01T00:00:00Z

refs = []
for line in open("references.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    f += [""] * (10 - len(f))
    refs.append(dict(kind=f[0], id=f[1], inst=f[2], platform=f[3], handle=f[4], name=f[5],
                     aliases=[a for a in f[6].split("|") if a], titles=[t for t in f[7].split("|") if t],
                     photos=[p for p in f[8].split("|") if p],
                     handles=[tuple(h.split(":", 1)) for h in f[9].split("|") if h]))
persons = [r for r in refs if r["kind"] == "PROTECTED_PERSON"]
accounts = [r for r in refs if r["kind"] == "OFFICIAL_ACCOUNT"]
PLATFORMS = ["FACEBOOK", "X", "INSTAGRAM", "TIKTOK", "YOUTUBE", "TELEGRAM"]
rows = []


def date(days_ago):
    import datetime
    d = datetime.date(2026, 11, 1) - datetime.timedelta(days=days_ago)
    return d.isoformat() + "T09:00:00Z"


def impostor_context():
    """Most fakes are new and small; about one in five is an old account bought or hijacked and renamed."""
    if random.random() < 0.2:
        return date(random.randint(400, 3000)), random.randint(900, 40000), random.choice(["false", ""])
    return date(random.randint(1, 80)), random.randint(0, 450), random.choice(["false", "false", ""])


def innocent_context():
    """Most real accounts are established; some are new (a student's first page, a fan page launched this month)."""
    if random.random() < 0.25:
        return date(random.randint(3, 85)), random.randint(5, 400), random.choice(["false", ""])
    return date(random.randint(200, 4000)), random.randint(300, 60000), random.choice(["false", "", "", "true"])


def noisy(photo_hex, bits):
    """The same photo re-encoded, resized or cropped: a few bits of the perceptual hash flip."""
    h = int(photo_hex, 16)
    for b in random.sample(range(64), bits):
        h ^= 1 << b
    return f"{h:016x}"


def other_photo():
    return f"{random.getrandbits(64):016x}"


def add(label, category, platform, handle, name, bio, avatar, ctx):
    created, followers, verified = ctx
    for v in (handle, name, bio):
        assert "\t" not in v and "\n" not in v
    rows.append([str(label), category, platform, handle, name, bio, avatar, created, str(followers), verified])


CYR = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "c": "\u0441", "p": "\u0440", "x": "\u0445", "i": "\u0456"}
GREEK = {"o": "\u03bf", "a": "\u03b1", "i": "\u03b9"}


def homoglyph(s):
    """One lookalike substitution, chosen among those the text allows."""
    options = []
    for i, ch in enumerate(s):
        if ch in CYR:
            options.append((i, CYR[ch], "cyrillic"))
        if ch in GREEK:
            options.append((i, GREEK[ch], "greek"))
        if ch == "o":
            options.append((i, "0", "digit0"))
        if ch == "l":
            options.append((i, "1", "digit1"))
            options.append((i, "I", "capitalI"))
        if ch == "i":
            options.append((i, "l", "i_l"))
            options.append((i, "1", "digit1"))
        if ch == "m":
            options.append((i, "rn", "rn_m"))
    i, rep, kind = random.choice(options)
    return s[:i] + rep + s[i + 1:], kind


def typo(s):
    letters = [i for i, ch in enumerate(s) if ch.isalpha()]
    i = random.choice(letters[1:-1] or letters)
    kind = random.choice(["double", "swap", "drop"])
    if kind == "double":
        return s[:i] + s[i] + s[i:], kind
    if kind == "swap" and i + 1 < len(s) and s[i + 1].isalpha() and s[i + 1] != s[i]:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:], kind
    return s[:i] + s[i + 1:], "drop"


def strip_accents(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


SCAM_BIOS = [
    "Recrutement 2026 : envoyez votre dossier et les frais de 25 000 FCFA par Mobile Money au 6{n}",
    "Subventions aux jeunes entrepreneurs. Inscription en message privé uniquement.",
    "Mon ancien compte a été piraté. Ceci est mon nouveau compte, merci de vous abonner.",
    "Page officielle. Contactez-nous sur WhatsApp pour les concours administratifs.",
    "Official page. DM for grants and scholarships.",
    "Aide sociale aux familles : écrivez-nous en privé avec votre numéro.",
    "Compte officiel. Les résultats des examens seront publiés ici en premier.",
    "",
    "",
    "Bienvenue sur la page. Restez connectés pour les annonces.",
]


def scam_bio():
    return random.choice(SCAM_BIOS).replace("{n}", str(random.randint(50000000, 99999999)))


# ---------------------------------------------------------------- positives: official accounts
def account_name_variant(a):
    name = a["name"]
    return random.choice([name, name, strip_accents(name), name.upper(), name + " (Officiel)",
                          name + " - Page Officielle", a["aliases"][0] + " Officiel", "", ""])


for a in accounts:
    registered = {(x["platform"], x["handle"]) for x in accounts}
    # Homoglyphs of the real handle, with or without a copied display name.
    for _ in range(2):
        fake, kind = homoglyph(a["handle"])
        add(1, "homoglyph-handle-" + kind, a["platform"], fake, account_name_variant(a), scam_bio(),
            "", impostor_context())
    # Bait around the real handle.
    h = a["handle"]
    bait = random.choice([h + "_officiel", h + ".officiel", "real_" + h, h + "237", h + "_2026", h + "__",
                          h.replace("_", "__").replace(".", "_") + "_", "vrai." + h, h + "_officielle",
                          h + ".official", h + "1", h.replace("_", ".").replace(".", "_", 1) + "_info"])
    add(1, "bait-handle", random.choice([a["platform"], random.choice(PLATFORMS)]), bait,
        account_name_variant(a), scam_bio(), "", impostor_context())
# Typos and cross-platform copies for a sample of accounts.
for a in random.sample(accounts, 10):
    fake, kind = typo(a["handle"])
    add(1, "typo-handle-" + kind, a["platform"], fake, a["name"], scam_bio(), "", impostor_context())
for a in random.sample(accounts, 8):
    others = [p for p in PLATFORMS if (p, a["handle"]) not in {(x["platform"], x["handle"]) for x in accounts}]
    add(1, "cross-platform-copy", random.choice(others), a["handle"], a["name"], scam_bio(), "",
        impostor_context())

# ---------------------------------------------------------------- positives: protected persons
TITLE_PREFIX = ["Dr ", "Pr ", "S.E. ", "H.E. ", "Hon. ", "S.E. Dr ", ""]


def person_handle(p):
    words = strip_accents(p["name"]).lower().replace("-", " ").split()
    return random.choice([
        ".".join(words), "_".join(words), "".join(words) + "_officiel", "dr_" + words[-1],
        words[0][0] + words[-2] + words[-1] + str(random.randint(1, 99)),
        "".join(words[-2:]) + "_officiel", "real" + words[-1], words[-2] + "_" + words[-1] + "_cm",
        "pr." + words[-1], "se_" + "".join(words[-2:]), "user" + str(random.randint(10000, 99999)),
        "".join(words[-2:]) + ".official", "vrai_" + "_".join(words[-2:]),
    ])


for p in persons:
    title = p["titles"][0]
    title_en = p["titles"][-1]
    # Name and the office in the bio.
    for _ in range(2):
        add(1, "person-name-title", random.choice(PLATFORMS), person_handle(p),
            random.choice(TITLE_PREFIX) + random.choice([p["name"], strip_accents(p["name"]), p["name"].upper()]),
            random.choice([title, title + ". " + scam_bio(), title_en + " | " + scam_bio(),
                           "Compte officiel du " + title, title + " - Cameroun"]),
            "", impostor_context())
    # Name and a stolen photo.
    add(1, "person-name-photo", random.choice(PLATFORMS), person_handle(p),
        random.choice([p["name"], strip_accents(p["name"])]), scam_bio(),
        noisy(random.choice(p["photos"]), random.randint(0, 6)), impostor_context())
    # The title put first in the display name.
    add(1, "person-title-in-name", random.choice(PLATFORMS), person_handle(p),
        title + " " + p["name"], scam_bio(), "", impostor_context())
    # Homoglyph of one of the person's handles.
    plat, handle = random.choice(p["handles"])
    fake, kind = homoglyph(handle)
    add(1, "person-homoglyph-handle-" + kind, plat, fake, p["name"], scam_bio(), "", impostor_context())
    # Homoglyphs in the display name.
    fake_name, kind = homoglyph(p["name"])
    add(1, "person-homoglyph-name-" + kind, random.choice(PLATFORMS), person_handle(p), fake_name,
        random.choice([title, scam_bio()]), "", impostor_context())
    # "Officiel" in the name, scam bio.
    add(1, "person-name-officiel", random.choice(PLATFORMS), person_handle(p),
        random.choice([p["name"] + " Officiel", p["name"] + " (Page Officielle)", "Officiel " + p["name"],
                       p["name"] + " - Official"]), scam_bio(), "", impostor_context())
    # An alias and the photo.
    add(1, "person-alias-photo", random.choice(PLATFORMS), person_handle(p), random.choice(p["aliases"]),
        random.choice([title, scam_bio()]), noisy(random.choice(p["photos"]), random.randint(0, 8)),
        impostor_context())

# A few hard positives: thin evidence (the name only, a new account), which a human would still flag.
for p in random.sample(persons, 6):
    add(1, "person-name-only-new", random.choice(PLATFORMS), "user" + str(random.randint(100000, 999999)),
        p["name"], random.choice(["", "Bienvenue", "Dieu est grand", "Abonnez-vous"]), "",
        (date(random.randint(1, 30)), random.randint(0, 60), "false"))

# ---------------------------------------------------------------- negatives
NAMESAKE_BIOS = ["Étudiant en droit à l'Université de Yaoundé II", "Commerçante au marché Mokolo",
                 "Footballeur amateur, Union de Douala", "Chauffeur de moto-taxi, Bafoussam", "Père de trois enfants",
                 "Informaticien | Tech enthusiast | Buea", "Couturière à Garoua", "Enseignant de mathématiques",
                 "Infirmière à l'hôpital de district de Mbalmayo", "Photographe de mariage", "Pasteur", "",
                 "Agriculteur, cacao et café", "Journaliste sportif", "Mannequin | Yaoundé"]

for p in persons:
    words = p["name"].replace("-", " ").split()
    # Namesakes: same or similar names, their own lives.
    variants = [p["name"], " ".join(words[:2]), words[0] + " " + words[-1], " ".join(words[-2:])]
    for v in random.sample(variants, 3):
        h = random.choice([strip_accents(v).lower().replace(" ", "."), strip_accents(v).lower().replace(" ", "_")
                           + str(random.randint(1, 99)), strip_accents(v.split()[0]).lower() + "_"
                           + random.choice(["dla", "yde", "bda", "photo", "music", "237"])])
        add(0, "namesake", random.choice(PLATFORMS), h, v, random.choice(NAMESAKE_BIOS), other_photo(),
            innocent_context())
    # Declared fan, support and parody pages.
    fan_name = random.choice(["Fans de " + p["name"], p["name"] + " Fan Club", "Les amis de " + p["name"],
                              p["name"] + " (parodie)", "Soutien à " + p["name"]])
    fan_bio = random.choice(["Page de soutien non officielle.", "Compte parodique. Humour uniquement.",
                             "Fan page, not affiliated with the minister.", "Page non officielle tenue par des admirateurs.",
                             "Parody account. Satire.", "Nous ne sommes pas le compte officiel du ministre."])
    fan_handle = random.choice(["fans_" + strip_accents(words[-1]).lower(),
                                strip_accents("".join(words[-2:])).lower() + "_fans",
                                "parodie" + strip_accents(words[-1]).lower(),
                                "amis." + strip_accents(words[-1]).lower()])
    add(0, "declared-fan-or-parody", random.choice(PLATFORMS), fan_handle, fan_name, fan_bio,
        random.choice(["", noisy(random.choice(p["photos"]), 3)]), innocent_context())

for a in accounts:
    if random.random() < 0.5:
        continue
    fan_handle = random.choice([a["handle"].split("_")[0].split(".")[0] + "_fans", "parodie_"
                                + a["handle"].split("_")[0].split(".")[0]])
    add(0, "declared-fan-or-parody", a["platform"], fan_handle,
        random.choice(["Parodie " + a["aliases"][0], a["aliases"][0] + " Satire", "Fans du " + a["aliases"][0]]),
        random.choice(["Compte parodique, non affilié au ministère.", "Parody account, not the official page.",
                       "Humour et satire. Pas le vrai compte."]), "", innocent_context())

# The registered accounts themselves and the persons' own handles.
for a in random.sample(accounts, 8):
    add(0, "official", a["platform"], random.choice([a["handle"], "@" + a["handle"], a["handle"].upper()]),
        a["name"], "Page officielle du " + a["name"], "", (date(2500), 120000, "true"))
for p in random.sample(persons, 4):
    plat, handle = random.choice(p["handles"])
    add(0, "official", plat, handle, p["name"], p["titles"][0], p["photos"][0], (date(2000), 80000, "true"))

COMMON = ["Jean Paul Mballa", "Marie Ngo Ndjock", "Paul Atangana", "Joseph Kamga", "Sandrine Nguema",
          "Ibrahim Moussa", "Christelle Fotso", "Patrick Eto'o Mbia", "Aïcha Bello", "Serge Nkoulou",
          "Brigitte Essomba", "Arnaud Tchakounte", "Fatimatou Hamadou", "Eric Ndzana", "Solange Mvondo",
          "Samuel Ewane", "Josiane Bella", "Herve Ngono", "Mireille Tanyi", "Blaise Ondoua",
          "Pierre Nkolo", "Aminata Issa", "Thérèse Ngo", "Emmanuel Fonkou", "Christian Mbarga"]
for n in COMMON:
    h = strip_accents(n).lower().replace("'", "").split()
    handle = random.choice(["_".join(h), ".".join(h), "".join(h) + str(random.randint(1, 999)),
                            h[0] + "_" + random.choice(["officiel", "237", "real", "le_vrai", "music", "tv"])])
    add(0, "common-name", random.choice(PLATFORMS), handle, n, random.choice(NAMESAKE_BIOS + SCAM_BIOS[7:]),
        other_photo(), innocent_context())

RELATED = [
    ("FACEBOOK", "drsp.centre", "Délégation Régionale de la Santé Publique du Centre", "Actualités sanitaires de la région du Centre"),
    ("FACEBOOK", "hopital.general.douala", "Hôpital Général de Douala", "Établissement public hospitalier"),
    ("X", "minsante_gabon", "Ministère de la Santé du Gabon", "Compte officiel du Ministère de la Santé de la République gabonaise"),
    ("X", "minfi_bf", "Ministère des Finances du Burkina Faso", "Compte officiel"),
    ("FACEBOOK", "actusante237", "Actu Santé Cameroun", "L'actualité de la santé au Cameroun"),
    ("X", "journalducameroun", "Journal du Cameroun", "Toute l'actualité du Cameroun"),
    ("FACEBOOK", "lycee.bilingue.essos", "Lycée Bilingue d'Essos", "Page de l'établissement"),
    ("FACEBOOK", "mairie.douala5", "Mairie de Douala 5e", "Commune d'arrondissement de Douala 5e"),
    ("INSTAGRAM", "visit_kribi", "Visit Kribi", "Plages, chutes de la Lobé et fruits de mer"),
    ("X", "routes_du_cameroun", "Les routes du Cameroun", "Photos des routes de nos régions, par des passionnés"),
    ("FACEBOOK", "cnps.retraites.unis", "Association des retraités de la CNPS", "Association des anciens employés"),
    ("TIKTOK", "sante_pour_tous_cm", "Santé pour tous", "Conseils de santé, prévention, nutrition"),
    ("FACEBOOK", "ong.femmes.famille", "ONG Femmes et Familles", "Association pour la promotion des droits des femmes"),
    ("X", "eleveurs_adamaoua", "Éleveurs de l'Adamaoua", "Coopérative d'éleveurs de Ngaoundéré"),
    ("FACEBOOK", "tourisme.cameroun.info", "Tourisme Cameroun Info", "Blog de voyage indépendant"),
    ("YOUTUBE", "crtv_web", "CRTV Web", "Chaîne de télévision"),
    ("FACEBOOK", "ministere.jeunesse.ci", "Ministère de la Jeunesse (Côte d'Ivoire)", "Compte officiel"),
    ("X", "dr_ekane_paul", "Dr Paul Ekane", "Médecin généraliste à Limbé"),
    ("FACEBOOK", "prof.nguema.maths", "Pr Sandrine Nguema", "Professeure de mathématiques, Université de Dschang"),
    ("X", "depute_ndzana", "Hon. Eric Ndzana", "Député de la Lékié"),
    ("FACEBOOK", "minsanteplus.pharmacie", "Pharmacie Minsante Plus", "Pharmacie de quartier à Nkolbisson"),
    ("TIKTOK", "douala_city_vibes", "Douala City Vibes", "La vie à Douala"),
    ("INSTAGRAM", "gouverneur_fc", "Gouverneur FC", "Club de football amateur"),
    ("FACEBOOK", "mincommerce.cm", "Ministère du Commerce", "Page officielle"),
]
for plat, handle, name, bio in RELATED:
    add(0, "related-but-distinct", plat, handle, name, bio, "", innocent_context())

random.shuffle(rows)
with open("labelled.tsv", "w", encoding="utf-8") as out:
    out.write("# Generated by generate_labelled_set.py from references.tsv; scored at 2026-11-01T00:00:00Z.\n")
    out.write("# label\tcategory\tplatform\thandle\tdisplayName\tbio\tavatarHash\tcreatedAt\tfollowers\tverified\n")
    for r in rows:
        out.write("\t".join(r) + "\n")
pos = sum(1 for r in rows if r[0] == "1")
print(f"{len(rows)} rows, {pos} positives, {len(rows) - pos} negatives")
