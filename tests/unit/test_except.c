/*
 * Exception phrases (daemon/except.c): which terms of a description an
 * "other than", "excluding", "ausgenommen", "кроме", "除…外" or "hariç"
 * takes, and where its scope ends (the list, the clause, the bracket).
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "except.h"
#include "normalize.h"

#include "harness.h"

/*
 * True if the first occurrence of <term> in <text>, found in the folded
 * text, is in an exception phrase's scope.
 */
static bool
scoped(const char *text, const char *term)
{
	struct folded f;
	char *ft = normalize_fold_str(term);
	const char *at;
	bool r = false;

	normalize_fold(text, strlen(text), &f);
	at = strstr(f.text, ft);
	if (at != NULL)
		r = except_scoped(text, f.text, f.len, f.map,
		    (size_t)(at - f.text), (size_t)(at - f.text) + strlen(ft));
	/* Screening asks except_scoped only where except_possible says a
	 * text may hold a phrase: it must never say no to one that does. */
	if (r)
		CHECK(except_possible(f.text, f.len));
	folded_free(&f);
	free(ft);
	return r;
}

static void
check_scope(const char *text, const char *term, bool want)
{
	snprintf(h_ctx, sizeof(h_ctx), "%s in \"%s\"", term, text);
	CHECK(scoped(text, term) == want);
	h_ctx[0] = '\0';
}

/* <text> holds a phrase's words, or (<want> false) none of them. */
static void
check_possible(const char *text, bool want)
{
	struct folded f;

	normalize_fold(text, strlen(text), &f);
	snprintf(h_ctx, sizeof(h_ctx), "except_possible(\"%s\")", text);
	CHECK(except_possible(f.text, f.len) == want);
	h_ctx[0] = '\0';
	folded_free(&f);
}

static void
test_possible(void)
{
	check_possible("Sodium cyanide, 98 %, 25 kg drums", false);
	check_possible("Patrol boats for the coast guard", false);
	check_possible("Frigate of the navy, used", false);
	check_possible("", false);
	/* A word that ends phrases ("than", "de") alone is none. */
	check_possible("larger than 5 m, made of steel", false);
	check_possible("bomba de vacío de acero", false);
	check_possible("Vessels, other than warships", true);
	check_possible("motores a excepción de turborreactores", true);
	check_possible("savaş gemileri hariç", true);
	check_possible("除军舰外的船舶", true);
	check_possible("船舶（軍艦を除く）", true);
	check_possible("不包括军舰", true);
}

int
main(void)
{
	harness_init("test_except");
	test_possible();
	/* The phrase takes what follows it, not what comes before. */
	check_scope("Vessels, other than warships", "warships", true);
	check_scope("Warships, other than hulks", "warships", false);
	check_scope("Chemicals other than thiodiglycol", "chemicals", false);
	check_scope("Engines; reaction engines, other than turbo-jets",
	    "turbo jets", true);
	/* A list: its items, up to the comma after "and" / "or". */
	check_scope("other than revolvers, pistols, and arms", "pistols",
	    true);
	check_scope("other than revolvers, pistols, and arms", "arms", false);
	check_scope("other than induction, dielectric loss or resistance "
	    "heated, vacuum arc furnaces", "vacuum arc", false);
	check_scope("other than electron beam, plasma or vacuum arc furnaces",
	    "vacuum arc", true);
	check_scope("Polyethers other than polyacetals, and "
	    "methylphosphonate", "methylphosphonate", false);
	/* "other than those ..." names a class: its first comma ends it. */
	check_scope("Gyros, other than those specified in 7A002, usable in "
	    "missiles", "missiles", false);
	check_scope("Gyros, other than those for missiles", "missiles", true);
	/* A clause or bracket ends it; a bracket opened inside does not. */
	check_scope("Vessels other than tugs; warships", "warships", false);
	check_scope("gas-turbines (excluding turbo-jets), turbo-jets parts",
	    "parts", false);
	check_scope("gas-turbines (excluding turbo-jets and turbo-propellers)",
	    "turbo propellers", true);
	check_scope("acids other than hydrogen fluoride (hydrofluoric acid)",
	    "hydrofluoric", true);
	check_scope("Vessels other than tugs. Warships", "warships", false);
	/* Too far after the phrase. */
	check_scope("other than one two three four five six seven eight nine "
	    "ten eleven twelve warships", "warships", false);
	/* Other languages. */
	check_scope("Schiffe, ausgenommen Kriegsschiffe", "kriegsschiffe",
	    true);
	check_scope("Kriegsschiffe, außer Dienst gestellt", "dienst", false);
	check_scope("Bateaux, à l'exclusion des navires de guerre", "navires",
	    true);
	check_scope("Суда, кроме военных кораблей", "военных", true);
	check_scope("Военные корабли, кроме шлюпок", "военные", false);
	check_scope("Embarcaciones distintas de los buques de guerra",
	    "buques", true);
	/* Postposed: Turkish, Korean, Hindi; joined: Japanese, Chinese. */
	check_scope("Gemiler, savaş gemileri hariç", "savaş", true);
	check_scope("Gemiler, savaş gemileri hariç", "gemiler", false);
	check_scope("군함을 제외한 선박", "군함", true);
	check_scope("युद्धपोतों को छोड़कर जहाज", "युद्धपोत", true);
	check_scope("軍艦以外の船舶", "軍艦", true);
	check_scope("除军舰外的船舶", "军舰", true);
	check_scope("船舶，不包括军舰", "军舰", true);
	check_scope("军舰外壳钢板", "军舰", false);
	check_scope("除尘器外壳", "尘器", false);
	check_scope("军舰，除拖船外", "军舰", false);
	/*
	 * A preposed phrase's comma belongs to the list only when the list
	 * comes to its "and" / "or"; a word that is "and" only in some
	 * languages ("a", "of") does not carry it.
	 */
	check_scope("Vessels other than hulks, warships", "warships", false);
	check_scope("Vessels other than hulks, warships, 40 m", "warships",
	    false);
	check_scope("Vessels other than hulks, warships and tugs", "warships",
	    true);
	check_scope("other than hulks, tugs, warships or barges", "warships",
	    true);
	check_scope("Vessels other than hulks, warships of a navy",
	    "warships", false);
	check_scope("Суда, кроме буксиров, военных кораблей и барж",
	    "военных", true);
	/*
	 * A postposed phrase takes a list joined by "and" / "or" before it,
	 * and only the last item of a list without one.
	 */
	check_scope("Savaş gemileri, römorkörler ve mavnalar hariç", "savaş",
	    true);
	check_scope("Savaş gemisi, römorkörler hariç", "savaş", false);
	check_scope("Savaş gemisi ve römorkörler, mavnalar hariç", "savaş",
	    false);
	check_scope("군함, 예인선 및 바지선 제외", "군함", true);
	check_scope("군함, 예인선 제외", "군함", false);
	check_scope("युद्धपोत, टगबोट और बजरे को छोड़कर", "युद्धपोत", true);
	check_scope("軍艦、潜水艦及び救命艇を除く", "軍艦", true);
	check_scope("軍艦及び潜水艦以外の船舶", "軍艦", true);
	check_scope("軍艦、救命艇を除く", "軍艦", false);
	check_scope("軍艦；救命艇及びはしけを除く", "軍艦", false);
	check_scope("タグボート及びはしけを除く軍艦", "軍艦", false);
	/* Chinese 不包括: ， is a list's only before its 和 / 及 / 或. */
	check_scope("船舶，不包括拖船，驳船和军舰", "军舰", true);
	check_scope("船舶，不包括拖船、军舰", "军舰", true);
	check_scope("船舶，不包括拖船，军舰", "军舰", false);
	check_scope("船舶，不包括拖船和驳船，军舰", "军舰", false);
	return harness_done();
}
