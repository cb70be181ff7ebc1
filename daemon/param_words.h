/*
 * The words of technical parameters in the trade languages, for param.c:
 * unit names written out ("Millimeter", "миллиметров", "밀리미터", "درصد"),
 * per-cent words written before the number ("yüzde 99", "百分之99") and the
 * comparison words before or after a value ("mehr als", "не менее", "以上",
 * "이하", "أقل من").  Every word is lowercase as param.c folds the text
 * (ASCII, Latin, Greek and Cyrillic capitals lowered; other scripts as
 * written).  Data only.
 */
#ifndef CORDON_PARAM_WORDS_H
#define CORDON_PARAM_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "param.h"

/* A unit: its spelling, quantity and factor to the quantity's base unit. */
struct param_unit {
	const char	*name;
	enum quantity	 q;
	double		 factor;
	bool		 ci;	/* may be matched ignoring case */
};

/* A word and what it says: an enum pcmp, or Q_PERCENT for a per-cent word. */
struct param_word {
	const char	*w;
	int		 kind;
};

/* Unit names and abbreviations beyond param.c's symbol table, lowercase. */
extern const struct param_unit	param_unit_words[];
extern const size_t		param_unit_words_n;
/* Per-cent words that stand before their number. */
extern const struct param_word	param_percent_before[];
extern const size_t		param_percent_before_n;
/* Comparison words just before a number, and just after its unit. */
extern const struct param_word	param_cmp_before[];
extern const size_t		param_cmp_before_n;
extern const struct param_word	param_cmp_after[];
extern const size_t		param_cmp_after_n;
/* Negations before a comparison word ("nicht mehr als"), and after one. */
extern const struct param_word	param_cmp_not[];
extern const size_t		param_cmp_not_n;
extern const struct param_word	param_cmp_not_after[];
extern const size_t		param_cmp_not_after_n;

#endif
