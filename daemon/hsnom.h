/*
 * The HS nomenclature (2022 and 2017 editions, chapters, headings and
 * 6-digit subheadings) compiled into the binary from
 * the CSV files of rules/nomenclature.  Answers whether a declared code exists and
 * what it is called.  Pure and read-only.
 */
#ifndef CORDON_HSNOM_H
#define CORDON_HSNOM_H

#define HSNOM_2022	1
#define HSNOM_2017	2

struct hsnom_row {
	const char	*code;		/* 2, 4 or 6 digits */
	unsigned char	 editions;	/* HSNOM_2022 | HSNOM_2017 */
	const char	*desc;		/* short description (2022 text if any) */
};

/* Generated table, sorted by code (hsnom_data.c). */
extern const struct hsnom_row	hsnom_rows[];
extern const unsigned long	hsnom_nrows;

enum hsnom_status {
	HSNOM_OK,		/* in HS 2022 */
	HSNOM_OUTDATED,		/* only in HS 2017 */
	HSNOM_UNKNOWN,		/* in neither edition */
};

/* The row of exactly <code> (2, 4 or 6 digits), or NULL. */
const struct hsnom_row	*hsnom_find(const char *code);

/*
 * Checks a declared code of 4 to 10 digits by its first 6 (or 4) digits;
 * national extensions beyond 6 digits are not checked.  *rowp is set to
 * the most specific known row (subheading, else heading), or NULL.
 */
enum hsnom_status	 hsnom_check(const char *digits,
			    const struct hsnom_row **rowp);

#endif
