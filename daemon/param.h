/*
 * Technical parameters: numbers with units read from free text and
 * normalised to one base unit per quantity, so that a rule threshold
 * ("min: 600 Hz") can be compared with "output 600 to 2000 Hz".  Pure.
 */
#ifndef CORDON_PARAM_H
#define CORDON_PARAM_H

#include <stdbool.h>
#include <stddef.h>

enum quantity {
	Q_NONE = 0,
	Q_FREQUENCY,	/* Hz */
	Q_PRESSURE,	/* Pa */
	Q_LENGTH,	/* m */
	Q_MASS,		/* kg */
	Q_PERCENT,	/* % */
	Q_SAMPLE_RATE,	/* S/s */
	Q_POWER,	/* W */
	Q_TEMPERATURE,	/* degC */
	Q_DRIFT,	/* deg/h */
	Q_VOLUME,	/* l */
	Q_DATA_RATE,	/* bit/s */
	Q_FORCE,	/* N */
	Q_IMPULSE,	/* Ns */
	Q_BITS,		/* bit */
	Q_TIME,		/* s */
	Q_DOSE,		/* Gy (absorbed dose, e.g. total-dose hardness) */
	Q_COUNT_
};

struct pvalue {
	enum quantity	q;
	double		v;		/* in the base unit */
	size_t		off, len;	/* span of number and unit in the text */
};

/* Quantity by its rule-file name ("frequency"), or Q_NONE. */
enum quantity	param_quantity(const char *name);
const char	*param_quantity_name(enum quantity);
const char	*param_base_unit(enum quantity);

/*
 * Reads "<number> <unit>" (e.g. "1950 MPa") for a rule threshold.  Returns 0
 * and sets *q and *v (base unit), or -1 if it is not one number and a known
 * unit.
 */
int	param_parse_value(const char *s, enum quantity *q, double *v);

/* Finds up to <max> values with units in <s>; returns the count. */
size_t	param_scan(const char *s, size_t len, struct pvalue *out, size_t max);

#endif
