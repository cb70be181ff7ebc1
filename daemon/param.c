/*
 * Numbers with units.  The unit table is ours because it is domain
 * knowledge (which spellings customs descriptions use), not a generic
 * service a library offers.
 */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "param.h"

struct unit {
	const char	*name;
	enum quantity	 q;
	double		 factor;
	bool		 ci;	/* may be matched ignoring case */
};

static const struct unit units[] = {
	{ "Hz", Q_FREQUENCY, 1, true }, { "kHz", Q_FREQUENCY, 1e3, true },
	{ "MHz", Q_FREQUENCY, 1e6, false }, { "GHz", Q_FREQUENCY, 1e9, true },
	{ "Pa", Q_PRESSURE, 1, false }, { "kPa", Q_PRESSURE, 1e3, true },
	{ "MPa", Q_PRESSURE, 1e6, false }, { "GPa", Q_PRESSURE, 1e9, true },
	{ "bar", Q_PRESSURE, 1e5, true }, { "psi", Q_PRESSURE, 6894.757, true },
	{ "nm", Q_LENGTH, 1e-9, false }, { "um", Q_LENGTH, 1e-6, false },
	{ "\xc2\xb5m", Q_LENGTH, 1e-6, false }, { "\xce\xbcm", Q_LENGTH, 1e-6, false },
	{ "micrometre", Q_LENGTH, 1e-6, true }, { "micrometres", Q_LENGTH, 1e-6, true },
	{ "micrometer", Q_LENGTH, 1e-6, true }, { "micrometers", Q_LENGTH, 1e-6, true },
	{ "micron", Q_LENGTH, 1e-6, true }, { "microns", Q_LENGTH, 1e-6, true },
	{ "mm", Q_LENGTH, 1e-3, false }, { "cm", Q_LENGTH, 1e-2, false },
	{ "m", Q_LENGTH, 1, false }, { "km", Q_LENGTH, 1e3, true },
	{ "metre", Q_LENGTH, 1, true }, { "metres", Q_LENGTH, 1, true },
	{ "meter", Q_LENGTH, 1, true }, { "meters", Q_LENGTH, 1, true },
	{ "mg", Q_MASS, 1e-6, false }, { "g", Q_MASS, 1e-3, false },
	{ "kg", Q_MASS, 1, true }, { "t", Q_MASS, 1e3, false },
	{ "tonne", Q_MASS, 1e3, true }, { "tonnes", Q_MASS, 1e3, true },
	{ "%", Q_PERCENT, 1, true },
	{ "S/s", Q_SAMPLE_RATE, 1, false }, { "kS/s", Q_SAMPLE_RATE, 1e3, false },
	{ "MS/s", Q_SAMPLE_RATE, 1e6, false }, { "GS/s", Q_SAMPLE_RATE, 1e9, false },
	{ "Sps", Q_SAMPLE_RATE, 1, false }, { "ksps", Q_SAMPLE_RATE, 1e3, true },
	{ "Sa/s", Q_SAMPLE_RATE, 1, false }, { "kSa/s", Q_SAMPLE_RATE, 1e3, false },
	{ "MSa/s", Q_SAMPLE_RATE, 1e6, false }, { "GSa/s", Q_SAMPLE_RATE, 1e9, false },
	{ "fps", Q_FREQUENCY, 1, true },
	{ "Gy", Q_DOSE, 1, false }, { "kGy", Q_DOSE, 1e3, false },
	{ "rad", Q_DOSE, 1e-2, false }, { "krad", Q_DOSE, 10, false },
	{ "Mrad", Q_DOSE, 1e4, false },
	{ "Msps", Q_SAMPLE_RATE, 1e6, true }, { "Gsps", Q_SAMPLE_RATE, 1e9, true },
	{ "W", Q_POWER, 1, false }, { "kW", Q_POWER, 1e3, true },
	{ "MW", Q_POWER, 1e6, false }, { "mW", Q_POWER, 1e-3, false },
	{ "degC", Q_TEMPERATURE, 1, true }, { "\xc2\xb0" "C", Q_TEMPERATURE, 1, true },
	{ "deg C", Q_TEMPERATURE, 1, true },
	{ "deg/h", Q_DRIFT, 1, true }, { "deg/hr", Q_DRIFT, 1, true },
	{ "\xc2\xb0/h", Q_DRIFT, 1, true }, { "\xc2\xb0/hr", Q_DRIFT, 1, true },
	{ "ml", Q_VOLUME, 1e-3, true }, { "l", Q_VOLUME, 1, true },
	{ "litre", Q_VOLUME, 1, true }, { "litres", Q_VOLUME, 1, true },
	{ "liter", Q_VOLUME, 1, true }, { "liters", Q_VOLUME, 1, true },
	{ "m3", Q_VOLUME, 1e3, false },
	{ "bit/s", Q_DATA_RATE, 1, true }, { "kbit/s", Q_DATA_RATE, 1e3, true },
	{ "Mbit/s", Q_DATA_RATE, 1e6, true }, { "Gbit/s", Q_DATA_RATE, 1e9, true },
	{ "bps", Q_DATA_RATE, 1, true }, { "kbps", Q_DATA_RATE, 1e3, true },
	{ "Mbps", Q_DATA_RATE, 1e6, true }, { "Gbps", Q_DATA_RATE, 1e9, true },
	{ "N", Q_FORCE, 1, false }, { "kN", Q_FORCE, 1e3, true },
	{ "MN", Q_FORCE, 1e6, false },
	{ "Ns", Q_IMPULSE, 1, false }, { "kNs", Q_IMPULSE, 1e3, true },
	{ "MNs", Q_IMPULSE, 1e6, false }, { "N s", Q_IMPULSE, 1, false },
	{ "bit", Q_BITS, 1, true }, { "bits", Q_BITS, 1, true },
	{ "s", Q_TIME, 1, false }, { "ms", Q_TIME, 1e-3, false },
	{ "us", Q_TIME, 1e-6, false }, { "\xc2\xb5s", Q_TIME, 1e-6, false },
	{ "ns", Q_TIME, 1e-9, false },
	{ "second", Q_TIME, 1, true }, { "seconds", Q_TIME, 1, true },
	{ "microsecond", Q_TIME, 1e-6, true }, { "microseconds", Q_TIME, 1e-6, true },
	{ "nanosecond", Q_TIME, 1e-9, true }, { "nanoseconds", Q_TIME, 1e-9, true },
	{ "millisecond", Q_TIME, 1e-3, true }, { "milliseconds", Q_TIME, 1e-3, true },
};

static const char *qnames[Q_COUNT_] = {
	"", "frequency", "pressure", "length", "mass", "percent",
	"sample_rate", "power", "temperature", "drift", "volume", "data_rate",
	"force", "impulse", "bits", "time", "dose",
};
static const char *qbase[Q_COUNT_] = {
	"", "Hz", "Pa", "m", "kg", "%", "S/s", "W", "degC", "deg/h", "l",
	"bit/s", "N", "Ns", "bit", "s", "Gy",
};

enum quantity
param_quantity(const char *name)
{
	int i;

	for (i = 1; i < Q_COUNT_; i++)
		if (strcmp(qnames[i], name) == 0)
			return (enum quantity)i;
	return Q_NONE;
}

const char *
param_quantity_name(enum quantity q)
{
	return qnames[q];
}

const char *
param_base_unit(enum quantity q)
{
	return qbase[q];
}

/*
 * Looks up the unit that starts at <s>: the longest table name that matches
 * and is followed by a non-unit character.  Sets *ulen.
 */
static const struct unit *
unit_at(const char *s, size_t len, size_t *ulen)
{
	const struct unit *best = NULL;
	size_t i, n, bestn = 0;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		n = strlen(units[i].name);
		if (n > len || n <= bestn)
			continue;
		if (units[i].ci ? strncasecmp(s, units[i].name, n) != 0 :
		    strncmp(s, units[i].name, n) != 0)
			continue;
		if (n < len && (isalnum((unsigned char)s[n]) || s[n] == '/'))
			continue;
		best = &units[i];
		bestn = n;
	}
	/* "deg per hour", "degrees per hour" */
	if (len >= 3 && strncasecmp(s, "deg", 3) == 0) {
		const char *p = s + 3;
		const char *end = s + len;

		if (end - p >= 4 && strncasecmp(p, "rees", 4) == 0)
			p += 4;
		if (end - p >= 9 && strncasecmp(p, " per hour", 9) == 0) {
			static const struct unit dph = { "deg per hour",
			    Q_DRIFT, 1, true };
			*ulen = (size_t)(p + 9 - s);
			return &dph;
		}
	}
	*ulen = bestn;
	return best;
}

/* Length of a thousands separator at <s>: space, no-break spaces, ' . , */
static size_t
group_sep(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\'' || s[0] == '.' ||
	    s[0] == ','))
		return 1;
	if (len >= 2 && (unsigned char)s[0] == 0xc2 &&
	    (unsigned char)s[1] == 0xa0)
		return 2;			/* U+00A0 */
	if (len >= 3 && (unsigned char)s[0] == 0xe2 &&
	    (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xaf)
		return 3;			/* U+202F */
	return 0;
}

/* True if exactly three digits start at <s>, not followed by a digit. */
static bool
three_digits(const char *s, size_t len)
{
	return len >= 3 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
	    (len == 3 || !isdigit((unsigned char)s[3]));
}

/*
 * Parses a number at <s>; returns its length or 0.  Thousands groups are
 * understood ("1 000", "1'000", "1.000.000", "12,500").  A single group
 * after a dot or a comma ("1.200") is ambiguous between a thousands
 * separator (German "1.200 Hz") and a decimal mark: *alt then receives the
 * other reading and *has_alt is set, so that a threshold check can weigh
 * both.
 */
static size_t
number_at(const char *s, size_t len, double *v, double *alt, bool *has_alt)
{
	char tmp[64], dec[64];
	size_t i = 0, o = 0, sl, groups = 0;
	char sep = 0;
	bool decimals = false;

	*has_alt = false;
	while (i < len && isdigit((unsigned char)s[i]) && o < 20)
		tmp[o++] = s[i++];
	if (o == 0)
		return 0;
	/* Thousands groups after 1 to 3 leading digits. */
	if (o <= 3) {
		for (;;) {
			sl = group_sep(s + i, len - i);
			if (sl == 0 || !three_digits(s + i + sl, len - i - sl))
				break;
			if (sep != 0 && s[i] != sep)
				break;		/* "1.000,5": the comma is decimal */
			/* A space before a unit-less 3 digits could be a list. */
			if (groups == 0)
				sep = s[i];
			memcpy(tmp + o, s + i + sl, 3);
			o += 3;
			i += sl + 3;
			groups++;
			if (o > 18)
				break;
		}
	}
	/* Decimal part. */
	if (i + 1 < len && (s[i] == '.' || s[i] == ',') &&
	    isdigit((unsigned char)s[i + 1]) && !(groups > 0 && s[i] == sep)) {
		decimals = true;
		tmp[o++] = '.';
		i++;
		while (i < len && isdigit((unsigned char)s[i]) && o < 60)
			tmp[o++] = s[i++];
	}
	if (groups == 1 && !decimals && (sep == '.' || sep == ',')) {
		/* "1.200": also read as 1.2 */
		size_t k = o - 3;

		memcpy(dec, tmp, k);
		dec[k] = '.';
		memcpy(dec + k + 1, tmp + k, 3);
		dec[k + 4] = '\0';
		*alt = strtod(dec, NULL);
		*has_alt = true;
	}
	tmp[o] = '\0';
	*v = strtod(tmp, NULL);
	return i;
}

static double
to_base(const struct unit *u, double v)
{
	if (u->q == Q_TEMPERATURE && strcmp(u->name, "K") == 0)
		return v - 273.15;
	return v * u->factor;
}

int
param_parse_value(const char *s, enum quantity *q, double *v)
{
	const struct unit *u;
	size_t n, ulen, len = strlen(s);
	double num, alt;
	bool has_alt;

	while (isspace((unsigned char)*s))
		s++, len--;
	if ((n = number_at(s, len, &num, &alt, &has_alt)) == 0)
		return -1;
	s += n, len -= n;
	while (len > 0 && *s == ' ')
		s++, len--;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if ((u = unit_at(s, len, &ulen)) == NULL || ulen != len)
		return -1;
	*q = u->q;
	*v = to_base(u, num);
	return 0;
}

/* Appends a value (and its other reading, if any) to <out>. */
static size_t
emit(struct pvalue *out, size_t count, size_t max, const struct unit *u,
    double num, double alt, bool has_alt, size_t off, size_t len)
{
	if (count < max) {
		out[count].q = u->q;
		out[count].v = to_base(u, num);
		out[count].off = off;
		out[count].len = len;
		count++;
	}
	if (has_alt && count < max) {
		out[count] = out[count - 1];
		out[count].v = to_base(u, alt);
		count++;
	}
	return count;
}

size_t
param_scan(const char *s, size_t len, struct pvalue *out, size_t max)
{
	size_t i = 0, count = 0;

	while (i < len && count < max) {
		const struct unit *u;
		size_t n, j, ulen;
		double num, num2, alt, alt2;
		bool has_alt, has_alt2;

		if (!isdigit((unsigned char)s[i]) || (i > 0 &&
		    (isalpha((unsigned char)s[i - 1]) ||
		    isdigit((unsigned char)s[i - 1])))) {
			i++;
			continue;
		}
		if ((n = number_at(s + i, len - i, &num, &alt, &has_alt)) == 0) {
			i++;
			continue;
		}
		j = i + n;
		if (j < len && (s[j] == ' ' || s[j] == '-'))
			j++;
		u = unit_at(s + j, len - j, &ulen);
		if (u == NULL) {
			/* A range "600 to 2000 Hz", "0-50 Hz": take the unit of the upper end. */
			size_t k = i + n, n2;

			while (k < len && s[k] == ' ')
				k++;
			if (k + 2 < len && strncasecmp(s + k, "to", 2) == 0)
				k += 2;
			else if (k < len && s[k] == '-')
				k++;
			else if (k + 2 < len && strncmp(s + k, "\xe2\x80\x93", 3) == 0)
				k += 3;
			else {
				i += n;
				continue;
			}
			while (k < len && s[k] == ' ')
				k++;
			if ((n2 = number_at(s + k, len - k, &num2, &alt2,
			    &has_alt2)) == 0) {
				i += n;
				continue;
			}
			j = k + n2;
			if (j < len && s[j] == ' ')
				j++;
			if ((u = unit_at(s + j, len - j, &ulen)) == NULL) {
				i += n;
				continue;
			}
			count = emit(out, count, max, u, num, alt, has_alt, i,
			    j + ulen - i);
			i = k;	/* the upper end is scanned next */
			continue;
		}
		count = emit(out, count, max, u, num, alt, has_alt, i,
		    j + ulen - i);
		i = j + ulen;
	}
	return count;
}
