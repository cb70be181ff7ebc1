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
	Q_DENSITY,	/* kg/m3 */
	Q_FLOW,		/* m3/h (pumping speed, flow rate) */
	Q_MASS_RATE,	/* kg/h (ice capacity per 24 h, throughput) */
	Q_AREA,		/* m2 */
	Q_AXES,		/* count of (simultaneously contouring) axes */
	Q_SPEC_MODULUS,	/* m: tensile modulus / (density x g), derived */
	Q_SPEC_STRENGTH,/* m: tensile strength / (density x g), derived */
	Q_LINEAR_DENSITY,/* g/m (explosive core load of detonating cord) */
	Q_ACCELERATION,	/* g (standard gravity): range, bias of accelerometers */
	Q_COUNT_
};

/*
 * What a value measures, read from the words just before it ("outside
 * diameter 120 mm", "внутренний диаметр 400 мм", "抗拉强度 ≥ 530 兆帕"), or
 * given by a grade.  A rule parameter with a role only takes values of that
 * role or of no stated role.
 */
enum prole {
	R_NONE = 0,
	R_DIAMETER,		/* outside diameter, or diameter unqualified */
	R_INNER_DIAMETER,	/* bore, inside diameter, chamber diameter */
	R_THICKNESS,		/* wall or plate thickness */
	R_TENSILE_STRENGTH,	/* ultimate tensile strength */
	R_MODULUS,		/* tensile (Young's) modulus */
	R_BIAS,			/* bias, offset or bias stability of a sensor */
	R_HAFNIUM,		/* hafnium content (of zirconium): "Hf 50 ppm" */
	R_COUNT_
};

/*
 * How the text compares the goods with the value: "less than 5 mm",
 * "не менее 300 мм", "99,9 % 以上", "Hf < 0.01 %".  PCMP_EQ when no word
 * says.  Only the strict forms change a threshold check (param_meets).
 */
enum pcmp {
	PCMP_EQ = 0,
	PCMP_LT,		/* <, less than, below, unter, менее, 未満, 미만 */
	PCMP_LE,		/* <=, up to, max, höchstens, не более, 以下, 이하 */
	PCMP_GT,		/* >, more than, over, mehr als, более, 超过, 초과 */
	PCMP_GE,		/* >=, at least, min, mindestens, не менее, 以上 */
};

struct pvalue {
	enum quantity	q;
	enum prole	role;
	enum pcmp	cmp;
	double		v;		/* in the base unit */
	size_t		off, len;	/* span of number and unit in the text */
	size_t		grade;		/* 0, or 1 + the grade table index when
					 * the value is a grade's nominal
					 * property (grades.h) */
};

/* Quantity by its rule-file name ("frequency"), or Q_NONE. */
enum quantity	param_quantity(const char *name);
const char	*param_quantity_name(enum quantity);
const char	*param_base_unit(enum quantity);
/* Role by its rule-file name ("inner_diameter"), or R_NONE. */
enum prole	param_role(const char *name);
const char	*param_role_name(enum prole);

/*
 * True if a threshold written in a unit of quantity <unit_q> may stand for
 * rule quantity <rule_q>: the same quantity, or a length in metres for a
 * specific modulus or strength ("min: 12.7e6 m").
 */
bool	param_compatible(enum quantity rule_q, enum quantity unit_q);

/*
 * Reads "<number> <unit>" (e.g. "1950 MPa") for a rule threshold.  Returns 0
 * and sets *q and *v (base unit), or -1 if it is not one number and a known
 * unit.
 */
int	param_parse_value(const char *s, enum quantity *q, double *v);

/*
 * Finds up to <max> values with units in <s>; returns the count.  Reads
 * Arabic-Indic, Persian and fullwidth digits, exponents ("1E6", "1·10⁻⁶"),
 * ranges (both ends are values), local unit spellings (Гц, 兆帕, مم) and the
 * role words before a value.  Spans are byte offsets into <s>.
 */
size_t	param_scan(const char *s, size_t len, struct pvalue *out, size_t max);

/*
 * True if the stated value <pv> meets a threshold: at least <min> when
 * <has_min>, at most <max> when <has_max>.  A value read as a bound meets
 * it as the value itself does, except at the edge it excludes: "less than
 * 75 mm" is no diameter of 75 mm or more, "more than 0.2 %" no content of
 * 0.2 % or less; "more than 64 g/m" does reach a minimum of 64.1 g/m, the
 * regime's "greater than 64" (within 0.5 % above the value).
 */
bool	param_meets(const struct pvalue *pv, bool has_min, double min,
	    bool has_max, double max);
/*
 * The same with either bound exclusive, as a regime writes "more than" or
 * "less than": with <min_excl> the goods must be above <min> ("more than
 * 90 g" or "at least 90 g" may be, a plain "90 g" is not), with <max_excl>
 * below <max> ("less than 1 250 micro-g" meets it, "1 250 micro-g" does
 * not).
 */
bool	param_meets_excl(const struct pvalue *pv, bool has_min, double min,
	    bool min_excl, bool has_max, double max, bool max_excl);

/*
 * Adds the values that follow from others: specific modulus and specific
 * tensile strength from a stated modulus or strength and a density.  Returns
 * the new count (at most <max>).
 */
size_t	param_derive(struct pvalue *pv, size_t n, size_t max);

/*
 * How the goods are packed, from the item description: PACK_BULK for
 * industrial packaging or quantities (IBC, drums, tonnes, 25 kg bags,
 * 1,000 l, 20 kg or 20 l and more), PACK_RETAIL for consumer packs
 * (bottles, tubes, tablets, jars, sachets, "retail", "pharmacy"), else
 * PACK_UNKNOWN.  Bulk wins when both are said.
 */
enum packing {
	PACK_UNKNOWN = 0,
	PACK_BULK,
	PACK_RETAIL,
};
enum packing	param_packing(const char *s, size_t len, const struct pvalue *pv,
		    size_t npv);

#endif
