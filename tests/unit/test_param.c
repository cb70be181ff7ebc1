/*
 * Unit tests of param.c: every unit spelling of every quantity through
 * param_parse_value (the rule-threshold reader) and param_scan (free text),
 * ranges, decimal comma against thousands separator, and the errors.  The
 * expected base-unit values are SI conversions worked by hand.
 */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "param.h"

#include "harness.h"

static int
near(double got, double want)
{
	if (want == 0)
		return fabs(got) < 1e-12;
	return fabs(got - want) <= fabs(want) * 1e-9;
}

static void
test_parse_value(void)
{
	static const struct {
		const char	*in;
		enum quantity	 q;
		double		 v;
	} t[] = {
		/* frequency, Hz */
		{ "600 Hz", Q_FREQUENCY, 600 }, { "600Hz", Q_FREQUENCY, 600 },
		{ "600 hz", Q_FREQUENCY, 600 }, { "20 kHz", Q_FREQUENCY, 2e4 },
		{ "20 KHZ", Q_FREQUENCY, 2e4 }, { "1.5 MHz", Q_FREQUENCY, 1.5e6 },
		{ "2 GHz", Q_FREQUENCY, 2e9 }, { "2 ghz", Q_FREQUENCY, 2e9 },
		/* pressure, Pa */
		{ "1950 MPa", Q_PRESSURE, 1.95e9 }, { "1 GPa", Q_PRESSURE, 1e9 },
		{ "50 kPa", Q_PRESSURE, 5e4 }, { "101325 Pa", Q_PRESSURE, 101325 },
		{ "10 bar", Q_PRESSURE, 1e6 }, { "100 psi", Q_PRESSURE, 689475.7 },
		/* length, m */
		{ "10 nm", Q_LENGTH, 1e-8 }, { "5 \xc2\xb5m", Q_LENGTH, 5e-6 },
		{ "5 \xce\xbcm", Q_LENGTH, 5e-6 }, { "5 um", Q_LENGTH, 5e-6 },
		{ "5 micrometre", Q_LENGTH, 5e-6 },
		{ "5 micrometres", Q_LENGTH, 5e-6 },
		{ "5 micrometer", Q_LENGTH, 5e-6 }, { "5 microns", Q_LENGTH, 5e-6 },
		{ "2 mm", Q_LENGTH, 2e-3 }, { "4 cm", Q_LENGTH, 0.04 },
		{ "3 m", Q_LENGTH, 3 }, { "3 metres", Q_LENGTH, 3 },
		{ "1.5 km", Q_LENGTH, 1500 }, { "300 km", Q_LENGTH, 3e5 },
		/* mass, kg */
		{ "500 mg", Q_MASS, 5e-4 }, { "250 g", Q_MASS, 0.25 },
		{ "2 kg", Q_MASS, 2 }, { "2 KG", Q_MASS, 2 },
		{ "3 t", Q_MASS, 3000 }, { "5 tonnes", Q_MASS, 5000 },
		/* percent */
		{ "95 %", Q_PERCENT, 95 }, { "99.5%", Q_PERCENT, 99.5 },
		/* sample rate, S/s */
		{ "100 S/s", Q_SAMPLE_RATE, 100 }, { "1 kS/s", Q_SAMPLE_RATE, 1e3 },
		{ "250 MS/s", Q_SAMPLE_RATE, 2.5e8 },
		{ "1.5 GS/s", Q_SAMPLE_RATE, 1.5e9 },
		{ "20 Msps", Q_SAMPLE_RATE, 2e7 },
		/* power, W */
		{ "100 W", Q_POWER, 100 }, { "25 kW", Q_POWER, 2.5e4 },
		{ "5 MW", Q_POWER, 5e6 }, { "500 mW", Q_POWER, 0.5 },
		/* temperature, degC */
		{ "120 degC", Q_TEMPERATURE, 120 },
		{ "120 \xc2\xb0" "C", Q_TEMPERATURE, 120 },
		{ "120\xc2\xb0" "C", Q_TEMPERATURE, 120 },
		{ "1000 deg C", Q_TEMPERATURE, 1000 },
		/* drift, deg/h */
		{ "0.5 deg/h", Q_DRIFT, 0.5 }, { "0.5 deg/hr", Q_DRIFT, 0.5 },
		{ "0.5 \xc2\xb0/h", Q_DRIFT, 0.5 },
		{ "0.5 deg per hour", Q_DRIFT, 0.5 },
		{ "0.5 degrees per hour", Q_DRIFT, 0.5 },
		/* volume, l */
		{ "200 l", Q_VOLUME, 200 }, { "200 L", Q_VOLUME, 200 },
		{ "500 ml", Q_VOLUME, 0.5 }, { "20 litres", Q_VOLUME, 20 },
		{ "2 m3", Q_VOLUME, 2000 },
		/* data rate, bit/s */
		{ "10 Gbit/s", Q_DATA_RATE, 1e10 }, { "100 Mbps", Q_DATA_RATE, 1e8 },
		{ "9600 bit/s", Q_DATA_RATE, 9600 },
		/* force, N */
		{ "100 N", Q_FORCE, 100 }, { "5 kN", Q_FORCE, 5e3 },
		{ "1 MN", Q_FORCE, 1e6 },
		/* impulse, Ns */
		{ "1000 Ns", Q_IMPULSE, 1000 }, { "8.4 kNs", Q_IMPULSE, 8400 },
		{ "1.2 MNs", Q_IMPULSE, 1.2e6 }, { "50 N s", Q_IMPULSE, 50 },
		/* bits */
		{ "12 bit", Q_BITS, 12 }, { "24 bits", Q_BITS, 24 },
		/* time, s */
		{ "2 s", Q_TIME, 2 }, { "3 ms", Q_TIME, 3e-3 },
		{ "10 \xc2\xb5s", Q_TIME, 1e-5 }, { "10 us", Q_TIME, 1e-5 },
		{ "10 microseconds", Q_TIME, 1e-5 }, { "5 ns", Q_TIME, 5e-9 },
		{ "5 nanoseconds", Q_TIME, 5e-9 },
		{ "5 GSa/s", Q_SAMPLE_RATE, 5e9 }, { "250 MSa/s", Q_SAMPLE_RATE, 2.5e8 },
		{ "8.7 fps", Q_FREQUENCY, 8.7 }, { "30 FPS", Q_FREQUENCY, 30 },
		{ "300 krad", Q_DOSE, 3000 }, { "1 Mrad", Q_DOSE, 1e4 },
		{ "5000 Gy", Q_DOSE, 5000 }, { "10 kGy", Q_DOSE, 1e4 },
		{ "50 rad", Q_DOSE, 0.5 },
		/* decimal comma and thousands separators */
		{ "1,5 MPa", Q_PRESSURE, 1.5e6 }, { "2,50 bar", Q_PRESSURE, 2.5e5 },
		{ "1,000 Hz", Q_FREQUENCY, 1000 },
		{ "12,500 kg", Q_MASS, 12500 },
		{ "1,000,000 Hz", Q_FREQUENCY, 1e6 },
		{ "1,500.5 Hz", Q_FREQUENCY, 1500.5 },
		{ "0,25 mm", Q_LENGTH, 2.5e-4 },
		/* surrounding blanks */
		{ "  600 Hz  ", Q_FREQUENCY, 600 }, { "\t7 kW\n", Q_POWER, 7000 },
	};
	static const char *bad[] = {
		"", "   ", "Hz", "600", "600 ", "600 furlongs", "600 Hz extra",
		"600 Hz 5", "abc 600 Hz", "Hz 600", "600 Hzz", "600 kHzs",
		"600 mhz",	/* millihertz is no unit of ours; MHz is case-exact */
		"600 per hour", "1.2.3 Hz",
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		enum quantity q = Q_NONE;
		double v = -1;

		harness_context("param_parse_value(\"%s\")", t[i].in);
		if (CHECK_INT_EQ(param_parse_value(t[i].in, &q, &v), 0)) {
			CHECK_STR_EQ(param_quantity_name(q),
			    param_quantity_name(t[i].q));
			CHECK(near(v, t[i].v));
		}
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		enum quantity q = Q_NONE;
		double v = 0;

		harness_context("param_parse_value(\"%s\")", bad[i]);
		CHECK_INT_EQ(param_parse_value(bad[i], &q, &v), -1);
	}
	harness_context(NULL);
}

static void
test_names(void)
{
	static const struct {
		const char	*name, *base;
		enum quantity	 q;
	} t[] = {
		{ "frequency", "Hz", Q_FREQUENCY }, { "pressure", "Pa", Q_PRESSURE },
		{ "length", "m", Q_LENGTH }, { "mass", "kg", Q_MASS },
		{ "percent", "%", Q_PERCENT },
		{ "sample_rate", "S/s", Q_SAMPLE_RATE },
		{ "power", "W", Q_POWER }, { "temperature", "degC", Q_TEMPERATURE },
		{ "drift", "deg/h", Q_DRIFT }, { "volume", "l", Q_VOLUME },
		{ "data_rate", "bit/s", Q_DATA_RATE }, { "force", "N", Q_FORCE },
		{ "impulse", "Ns", Q_IMPULSE }, { "bits", "bit", Q_BITS },
		{ "time", "s", Q_TIME },
		{ "dose", "Gy", Q_DOSE }, { "density", "kg/m3", Q_DENSITY },
		{ "flow", "m3/h", Q_FLOW }, { "mass_rate", "kg/h", Q_MASS_RATE },
		{ "area", "m2", Q_AREA }, { "axes", "axes", Q_AXES },
		{ "specific_modulus", "m", Q_SPEC_MODULUS },
		{ "specific_strength", "m", Q_SPEC_STRENGTH },
		{ "linear_density", "g/m", Q_LINEAR_DENSITY },
		{ "acceleration", "g", Q_ACCELERATION },
	};
	size_t i;

	CHECK_INT_EQ(sizeof(t) / sizeof(t[0]), Q_COUNT_ - 1);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		harness_context("quantity %s", t[i].name);
		CHECK_INT_EQ(param_quantity(t[i].name), t[i].q);
		CHECK_STR_EQ(param_quantity_name(t[i].q), t[i].name);
		CHECK_STR_EQ(param_base_unit(t[i].q), t[i].base);
	}
	harness_context(NULL);
	CHECK_INT_EQ(param_quantity("speed"), Q_NONE);
	CHECK_INT_EQ(param_quantity(""), Q_NONE);
	CHECK_INT_EQ(param_quantity("Frequency"), Q_NONE);
}

/* One expected value found by param_scan: its quantity, value and text. */
struct want {
	enum quantity	 q;
	double		 v;
	const char	*span;	/* the original text it covers */
};

static void
check_scan(const char *text, const struct want *w, size_t nw)
{
	struct pvalue pv[16];
	size_t n, i;

	memset(pv, 0, sizeof(pv));
	n = param_scan(text, strlen(text), pv, 16);
	harness_context("param_scan(\"%s\")", text);
	if (!CHECK_INT_EQ(n, nw)) {
		harness_context(NULL);
		return;
	}
	for (i = 0; i < n; i++) {
		const char *at = strstr(text, w[i].span);

		CHECK_STR_EQ(param_quantity_name(pv[i].q),
		    param_quantity_name(w[i].q));
		CHECK(near(pv[i].v, w[i].v));
		if (CHECK(at != NULL)) {
			CHECK_INT_EQ(pv[i].off, at - text);
			CHECK_INT_EQ(pv[i].len, strlen(w[i].span));
		}
	}
	harness_context(NULL);
}

#define SCAN(text, ...) do {						\
	static const struct want w_[] = { __VA_ARGS__ };		\
	check_scan((text), w_, sizeof(w_) / sizeof(w_[0]));		\
} while (0)
#define SCAN_NONE(text)	check_scan((text), NULL, 0)

static void
test_scan(void)
{
	/* Ranges: the lower end takes the unit of the upper end. */
	SCAN("vibration test system, output 600 to 2000 Hz, 3 phase",
	    { Q_FREQUENCY, 600, "600 to 2000 Hz" },
	    { Q_FREQUENCY, 2000, "2000 Hz" });
	SCAN("shaker 0-50 Hz", { Q_FREQUENCY, 0, "0-50 Hz" },
	    { Q_FREQUENCY, 50, "50 Hz" });
	SCAN("band 600\xe2\x80\x93" "2000 Hz",
	    { Q_FREQUENCY, 600, "600\xe2\x80\x93" "2000 Hz" },
	    { Q_FREQUENCY, 2000, "2000 Hz" });
	SCAN("range 1 TO 5 kHz", { Q_FREQUENCY, 1e3, "1 TO 5 kHz" },
	    { Q_FREQUENCY, 5e3, "5 kHz" });
	/* One value each, with the span of number and unit. */
	SCAN("12-bit ADC, 250 MS/s", { Q_BITS, 12, "12-bit" },
	    { Q_SAMPLE_RATE, 2.5e8, "250 MS/s" });
	SCAN("carbon fibre, tensile strength 1950 MPa, filament 7 \xc2\xb5m",
	    { Q_PRESSURE, 1.95e9, "1950 MPa" },
	    { Q_LENGTH, 7e-6, "7 \xc2\xb5m" });
	SCAN("gyro drift 0.01 deg per hour", { Q_DRIFT, 0.01,
	    "0.01 deg per hour" });
	SCAN("time resolution 50 microseconds",
	    { Q_TIME, 5e-5, "50 microseconds" });
	SCAN("streak camera 10 \xc2\xb5s", { Q_TIME, 1e-5, "10 \xc2\xb5s" });
	SCAN("rad-hard SRAM, 300 krad(Si)", { Q_DOSE, 3000, "300 krad" });
	SCAN("link 10 Gbit/s", { Q_DATA_RATE, 1e10, "10 Gbit/s" });
	SCAN("motor total impulse 8.4 kNs", { Q_IMPULSE, 8400, "8.4 kNs" });
	SCAN("thrust 5 kN", { Q_FORCE, 5e3, "5 kN" });
	SCAN("furnace up to 1200 \xc2\xb0" "C",
	    { Q_TEMPERATURE, 1200, "1200 \xc2\xb0" "C" });
	SCAN("purity 99.5%, 200 l drums", { Q_PERCENT, 99.5, "99.5%" },
	    { Q_VOLUME, 200, "200 l" });
	SCAN("laser 25 kW", { Q_POWER, 2.5e4, "25 kW" });
	/* One group after a comma or a dot reads both ways. */
	SCAN("net 12,500 kg", { Q_MASS, 12500, "12,500 kg" },
	    { Q_MASS, 12.5, "12,500 kg" });
	SCAN("Ausgangsfrequenz 1.200 Hz", { Q_FREQUENCY, 1200, "1.200 Hz" },
	    { Q_FREQUENCY, 1.2, "1.200 Hz" });
	/* Spaces, no-break spaces and apostrophes only group thousands. */
	SCAN("Frequency changer 1 000 Hz", { Q_FREQUENCY, 1000, "1 000 Hz" });
	SCAN("Bioreactor 2\xc2\xa0" "000 l", { Q_VOLUME, 2000, "2\xc2\xa0" "000 l" });
	SCAN("Laser 1'500'000 W", { Q_POWER, 1.5e6, "1'500'000 W" });
	SCAN("Fermenter 1.000.000 l", { Q_VOLUME, 1e6, "1.000.000 l" });
	SCAN("Druck 1.200,5 bar", { Q_PRESSURE, 1200.5e5, "1.200,5 bar" });
	SCAN("rated 1,5 MPa", { Q_PRESSURE, 1.5e6, "1,5 MPa" });
	SCAN("isostatic press 300 MPa, chamber 152 mm",
	    { Q_PRESSURE, 3e8, "300 MPa" }, { Q_LENGTH, 0.152, "152 mm" });
	SCAN("range 300 km, payload 500 kg", { Q_LENGTH, 3e5, "300 km" },
	    { Q_MASS, 500, "500 kg" });
	/* Numbers without a unit, or glued to words, are not values. */
	SCAN_NONE("ISO 9001 certified, model X200 Hz");
	SCAN_NONE("3 phase, 2 mice, 10 samples, 4 sets");
	SCAN_NONE("from 10 to 20");
	SCAN_NONE("");

	/* <max> bounds the output. */
	{
		const char *s = "1 Hz 2 Hz 3 Hz";
		struct pvalue pv[2];

		CHECK_INT_EQ(param_scan(s, strlen(s), pv, 2), 2);
		CHECK(near(pv[1].v, 2));
	}
	/* <len> bounds the scan. */
	{
		const char *s = "600 Hz and 5 kW";
		struct pvalue pv[4];

		CHECK_INT_EQ(param_scan(s, 6, pv, 4), 1);
	}
}

/* Local unit names, other digits, exponents, imperial units. */
static void
test_scan_forms(void)
{
	/* Cyrillic, CJK, Arabic and Persian, Hebrew and Hindi unit names */
	SCAN("\xd0\xb4\xd0\xb8\xd0\xb0\xd0\xbf\xd0\xb0\xd0\xb7\xd0\xbe\xd0\xbd 5\xe2\x80\x93" "2500 \xd0\x93\xd1\x86",
	    { Q_FREQUENCY, 5, "5\xe2\x80\x93" "2500 \xd0\x93\xd1\x86" },
	    { Q_FREQUENCY, 2500, "2500 \xd0\x93\xd1\x86" });		/* Гц */
	SCAN("\xcf\x83\xd0\xb2 \xe2\x89\xa5 530 \xd0\x9c\xd0\x9f\xd0\xb0",
	    { Q_PRESSURE, 5.3e8, "530 \xd0\x9c\xd0\x9f\xd0\xb0" });	/* МПа */
	SCAN("\xe8\xbe\x93\xe5\x87\xba 600\xe2\x80\x93" "1500\xe8\xb5\xab\xe5\x85\xb9",
	    { Q_FREQUENCY, 600, "600\xe2\x80\x93" "1500\xe8\xb5\xab\xe5\x85\xb9" },
	    { Q_FREQUENCY, 1500, "1500\xe8\xb5\xab\xe5\x85\xb9" });	/* 赫兹 */
	SCAN("\xe5\x8a\x9f\xe7\x8e\x87" "250\xe5\x8d\x83\xe7\x93\xa6",
	    { Q_POWER, 2.5e5, "250\xe5\x8d\x83\xe7\x93\xa6" });		/* 千瓦 */
	SCAN("\xe5\xa4\x96\xe5\xbe\x91" "4\xe5\x90\x8b", { Q_LENGTH, 0.1016, "4\xe5\x90\x8b" });	/* 外徑4吋 */
	/* Arabic-Indic digits and decimal separator: ٤٩٠٠ ميغاباسكال, ٠٫٧ */
	SCAN("\xd9\xa4\xd9\xa9\xd9\xa0\xd9\xa0 \xd9\x85\xd9\x8a\xd8\xba\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84",
	    { Q_PRESSURE, 4.9e9, "\xd9\xa4\xd9\xa9\xd9\xa0\xd9\xa0 \xd9\x85\xd9\x8a\xd8\xba\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84" });
	SCAN("\xd9\xa0\xd9\xab\xd9\xa7 MPa", { Q_PRESSURE, 7e5, "\xd9\xa0\xd9\xab\xd9\xa7 MPa" });
	/* Persian digits and a unit written with a ZWNJ: ۱۵۰ میلی‌متر */
	SCAN("\xdb\xb1\xdb\xb5\xdb\xb0 \xd9\x85\xdb\x8c\xd9\x84\xdb\x8c\xe2\x80\x8c\xd9\x85\xd8\xaa\xd8\xb1",
	    { Q_LENGTH, 0.15, "\xdb\xb1\xdb\xb5\xdb\xb0 \xd9\x85\xdb\x8c\xd9\x84\xdb\x8c\xe2\x80\x8c\xd9\x85\xd8\xaa\xd8\xb1" });
	SCAN("\xd7\x9e\xd7\x95\xd7\x98 120 \xd7\x9e\"\xd7\x9e", { Q_LENGTH, 0.12, "120 \xd7\x9e\"\xd7\x9e" });	/* מ"מ */
	/* exponents */
	SCAN("total dose 1E6 rad(Si)", { Q_DOSE, 1e4, "1E6 rad" });
	SCAN("ultimate 5E-9 mbar", { Q_PRESSURE, 5e-7, "5E-9 mbar" });
	SCAN("1\xc2\xb7" "10\xe2\x81\xbb\xe2\x81\xb6 Pa", { Q_PRESSURE, 1e-6, "1\xc2\xb7" "10\xe2\x81\xbb\xe2\x81\xb6 Pa" });
	SCAN("2 x 10^-3 Torr", { Q_PRESSURE, 2e-3 * 133.322, "2 x 10^-3 Torr" });
	/* ranges and lists */
	SCAN("700\xe2\x80\xa6" "1500Hz", { Q_FREQUENCY, 700, "700\xe2\x80\xa6" "1500Hz" },
	    { Q_FREQUENCY, 1500, "1500Hz" });
	SCAN("0,7\xe2\x80\x93" "1,5 kHz", { Q_FREQUENCY, 700, "0,7\xe2\x80\x93" "1,5 kHz" },
	    { Q_FREQUENCY, 1500, "1,5 kHz" });
	SCAN("VFD 3ph out 1.2kHz", { Q_FREQUENCY, 1200, "1.2kHz" });
	SCAN("150 \xc3\x97 150 \xc3\x97 300 mm", { Q_LENGTH, 0.15, "150 \xc3\x97 150 \xc3\x97 300 mm" },
	    { Q_LENGTH, 0.15, "150 \xc3\x97 300 mm" }, { Q_LENGTH, 0.3, "300 mm" });
	/* imperial: a dot is decimal; "in" only as a unit; fractions */
	SCAN("dia. 1.500 in x 12 ft", { Q_LENGTH, 0.0381, "1.500 in" },
	    { Q_LENGTH, 3.6576, "12 ft" });
	SCAN("OD 4.50\" x wall 0.250\"", { Q_LENGTH, 0.1143, "4.50\"" },
	    { Q_LENGTH, 0.00635, "0.250\"" });
	SCAN("UTS min. 95 ksi", { Q_PRESSURE, 95 * 6894757.0, "95 ksi" });
	SCAN_NONE("packed 4 in a box");
	SCAN("valve 1/4 in", { Q_LENGTH, 0.00635, "1/4 in" });
	/* nominal sizes, MPE formulas, structural units */
	SCAN("ball valve DN 50 PN 16", { Q_LENGTH, 0.05, "DN 50" });
	SCAN("MPE_E = 0,7 + L/600 \xc2\xb5m", { Q_LENGTH, 7e-7, "0,7 + L/600 \xc2\xb5m" });
	SCAN("5-axis machining centre", { Q_AXES, 5, "5-axis" });
	/* a power of ten alone */
	SCAN("clock 10^9 Hz", { Q_FREQUENCY, 1e9, "10^9 Hz" });
	SCAN("clock 10\xe2\x81\xb9 Hz", { Q_FREQUENCY, 1e9, "10\xe2\x81\xb9 Hz" });	/* 10⁹ Hz */
	/* mixed inch fractions, alone and after a metric figure */
	SCAN("valve 1 1/2 in", { Q_LENGTH, 0.0381, "1 1/2 in" });
	SCAN("valve 1-1/2\"", { Q_LENGTH, 0.0381, "1-1/2\"" });
	SCAN("valve 40 mm (1 1/2 in)", { Q_LENGTH, 0.04, "40 mm" },
	    { Q_LENGTH, 0.0381, "1 1/2 in" });
	/* a decimal comma before three zeros is a thousands comma */
	SCAN("pumping speed 50,000 l/s", { Q_FLOW, 1.8e5, "50,000 l/s" });
	SCAN("pumping speed 50,500 l/s", { Q_FLOW, 181800, "50,500 l/s" },
	    { Q_FLOW, 181.8, "50,500 l/s" });
	/* a point before three zeros is a thousands point */
	SCAN("net mass 1.000 kg", { Q_MASS, 1000, "1.000 kg" });
	SCAN("Nettomasse 3.000 kg", { Q_MASS, 3000, "3.000 kg" });
	SCAN("Fermenter 2.000 l", { Q_VOLUME, 2000, "2.000 l" });
	SCAN("amplifier 1.000 GHz", { Q_FREQUENCY, 1e12, "1.000 GHz" },
	    { Q_FREQUENCY, 1e9, "1.000 GHz" });
	/* the text's own decimal mark settles "x.yyy" and "x,yyy" */
	SCAN("5.85-6.425 GHz", { Q_FREQUENCY, 5.85e9, "5.85-6.425 GHz" },
	    { Q_FREQUENCY, 6.425e9, "6.425 GHz" });
	SCAN("band 2.025 - 2.110 GHz, 0.5 W",
	    { Q_FREQUENCY, 2.025e9, "2.025 - 2.110 GHz" },
	    { Q_FREQUENCY, 2.11e9, "2.110 GHz" },
	    { Q_POWER, 0.5, "0.5 W" });
	SCAN("L\xc3\xa4nge 2,5 m, Masse 1.200 kg", { Q_LENGTH, 2.5, "2,5 m" },
	    { Q_MASS, 1200, "1.200 kg" });
	SCAN("Longitud 1.500.000 mm, 2,250 kg", { Q_LENGTH, 1500, "1.500.000 mm" },
	    { Q_MASS, 2.25, "2,250 kg" });
	SCAN("weight 2,000,000 g, length 1.250 m",
	    { Q_MASS, 2000, "2,000,000 g" }, { Q_LENGTH, 1.25, "1.250 m" });
	/* a date or a version shows no decimal mark */
	SCAN("30.11.2026: 1.200 Hz", { Q_FREQUENCY, 1200, "1.200 Hz" },
	    { Q_FREQUENCY, 1.2, "1.200 Hz" });
	/* a tolerance is no figure of the goods; a sign alone is a range */
	SCAN("tank 200 \xc2\xb1 4 l", { Q_VOLUME, 200, "200 \xc2\xb1 4 l" });
	SCAN("bore 10 mm +/- 0.5 mm", { Q_LENGTH, 0.01, "10 mm" });
	SCAN("condenser 20 kg ice/24 h, 4 m2", { Q_MASS, 20, "20 kg ice/24 h" },
	    { Q_AREA, 4, "4 m2" });
	SCAN("endurance 45 min", { Q_TIME, 2700, "45 min" });
	SCAN("%93 W", { Q_PERCENT, 93, "%93" });
	SCAN("detonating cord 80 g/m", { Q_LINEAR_DENSITY, 80, "80 g/m" });
	SCAN("density 1,8 g/cm\xc2\xb3", { Q_DENSITY, 1800, "1,8 g/cm\xc2\xb3" });
	/* g as gravity where the words say so */
	SCAN("MEMS accelerometer +/-16 g, zero-g offset +/-40 mg",
	    { Q_ACCELERATION, 16, "16 g" }, { Q_ACCELERATION, 0.04, "40 mg" });
	SCAN("bias stability 50 \xc2\xb5g", { Q_ACCELERATION, 5e-5, "50 \xc2\xb5g" });
	SCAN("sample 50 \xc2\xb5g", { Q_MASS, 5e-8, "50 \xc2\xb5g" });
	SCAN("bias 50 micro g", { Q_ACCELERATION, 5e-5, "50 micro g" });
	/* a one-letter Cyrillic unit does not start a word: 5 мешков */
	SCAN_NONE("5 \xd0\xbc\xd0\xb5\xd1\x88\xd0\xba\xd0\xbe\xd0\xb2");
}

/* The words before a value say what it measures. */
static void
test_roles(void)
{
	static const struct {
		const char	*text;
		enum prole	 role[3];
	} t[] = {
		{ "Hollow forging, outer dia. 420 mm, inner dia. 300 mm, height 250 mm",
		    { R_DIAMETER, R_INNER_DIAMETER, R_NONE } },
		{ "Tube OD 4.50\" x wall 0.250\", UTS 95 ksi",
		    { R_DIAMETER, R_THICKNESS, R_TENSILE_STRENGTH } },
		{ "\xd0\x9f\xd1\x80\xd0\xb5\xd1\x81, \xd0\xb2\xd0\xbd\xd1\x83\xd1\x82\xd1\x80\xd1\x96\xd1\x88\xd0\xbd\xd1\x96\xd0\xb9 \xd0\xb4\xd1\x96\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80 \xd0\xba\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x80\xd0\xb8 400 \xd0\xbc\xd0\xbc",
		    { R_INNER_DIAMETER, R_NONE, R_NONE } },	/* внутрішній діаметр камери */
		{ "\xc3\x98 200 \xd0\xbc\xd0\xbc, \xcf\x83\xd0\xb2 \xe2\x89\xa5 530 \xd0\x9c\xd0\x9f\xd0\xb0",
		    { R_DIAMETER, R_TENSILE_STRENGTH, R_NONE } },
		{ "\xce\x91\xce\xbd\xcf\x84\xce\xbf\xcf\x87\xce\xae 4900 MPa, \xce\xbc\xce\xad\xcf\x84\xcf\x81\xce\xbf \xce\xb5\xce\xbb\xce\xb1\xcf\x83\xcf\x84\xce\xb9\xce\xba\xcf\x8c\xcf\x84\xce\xb7\xcf\x84\xce\xb1\xcf\x82 230 GPa",
		    { R_TENSILE_STRENGTH, R_MODULUS, R_NONE } },	/* Greek, capital first */
		{ "wood 10 mm", { R_NONE, R_NONE, R_NONE } },	/* "od" inside a word */
		{ "DN 300 column", { R_INNER_DIAMETER, R_NONE, R_NONE } },
		/* a role names only a value it can measure */
		{ "T/R module 1.3 GHz, 10 W", { R_NONE, R_NONE, R_NONE } },
		{ "module d'Young 230 GPa", { R_MODULUS, R_NONE, R_NONE } },
		{ "diameter 8 GHz", { R_NONE, R_NONE, R_NONE } },
		{ "Hf 50 ppm, Hf 2 mm", { R_HAFNIUM, R_NONE, R_NONE } },
	};
	size_t i, k;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct pvalue pv[8];
		size_t n = param_scan(t[i].text, strlen(t[i].text), pv, 8);

		harness_context("roles in \"%s\"", t[i].text);
		for (k = 0; k < n && k < 3; k++)
			CHECK_STR_EQ(param_role_name(pv[k].role),
			    param_role_name(t[i].role[k]));
	}
	harness_context(NULL);
	CHECK_INT_EQ(param_role("inner_diameter"), R_INNER_DIAMETER);
	CHECK_INT_EQ(param_role("bore"), R_NONE);
	CHECK(param_compatible(Q_SPEC_MODULUS, Q_LENGTH));
	CHECK(!param_compatible(Q_PRESSURE, Q_LENGTH));
}

/* Specific modulus and strength from a datasheet; packing. */
static void
test_derive_packing(void)
{
	static const char *ds = "Carbon fibre 12K, tensile strength 4900 MPa, "
	    "modulus 230 GPa, density 1.80 g/cm3";
	static const char *un = "pitch fibre 0.78 GPa, 34 GPa, 1.63 g/cm3";
	struct pvalue pv[16];
	size_t n, k;
	double sm = 0, ss = 0;

	n = param_derive(pv, param_scan(ds, strlen(ds), pv, 16), 16);
	for (k = 0; k < n; k++) {
		if (pv[k].q == Q_SPEC_MODULUS)
			sm = pv[k].v;
		if (pv[k].q == Q_SPEC_STRENGTH)
			ss = pv[k].v;
	}
	/* 230e9 / (1800 x 9.80665) and 4.9e9 / (1800 x 9.80665) */
	CHECK(near(sm, 230e9 / (1800 * 9.80665)));
	CHECK(near(ss, 4.9e9 / (1800 * 9.80665)));
	/* two unnamed stresses: the larger by far is the modulus */
	sm = ss = 0;
	n = param_derive(pv, param_scan(un, strlen(un), pv, 16), 16);
	for (k = 0; k < n; k++) {
		if (pv[k].q == Q_SPEC_MODULUS)
			sm = pv[k].v;
		if (pv[k].q == Q_SPEC_STRENGTH)
			ss = pv[k].v;
	}
	CHECK(near(sm, 34e9 / (1630 * 9.80665)));
	CHECK(near(ss, 0.78e9 / (1630 * 9.80665)));
	/* no density, nothing derived */
	n = param_scan("modulus 230 GPa", 15, pv, 16);
	CHECK_INT_EQ(param_derive(pv, n, 16), n);

	{
		static const struct {
			const char	*text;
			enum packing	 want;
		} t[] = {
			{ "Triethanolamine 99 %, 1,000 L IBC", PACK_BULK },
			{ "Sodium fluoride 98 %, 25 kg bags", PACK_BULK },
			{ "Dipropylamine 99 %, drums", PACK_BULK },
			{ "Rust remover, 2 % HF, 500 ml bottles", PACK_RETAIL },
			{ "Sodium fluoride tablets, 100 per bottle", PACK_RETAIL },
			{ "Sodium fluoride 99 %", PACK_UNKNOWN },
			{ "Ricin, 5 mg reference standard", PACK_UNKNOWN },
			{ "shampoo base, 200 l drum", PACK_BULK },
		};
		size_t i;

		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			n = param_scan(t[i].text, strlen(t[i].text), pv, 16);
			harness_context("packing of \"%s\"", t[i].text);
			CHECK_INT_EQ(param_packing(t[i].text, strlen(t[i].text),
			    pv, n), t[i].want);
		}
		harness_context(NULL);
	}
}

/*
 * Parameter words of the trade languages: units and per-cent written out,
 * per-cent words before the number, comparison words and signs before the
 * number or after its unit, and the hafnium content role.  Each text holds
 * one value.
 */
static void
test_words(void)
{
	static const struct {
		const char	*in;
		enum quantity	 q;
		double		 v;
		enum pcmp	 cmp;
		enum prole	 role;
	} t[] = {
		{ "Reinheit 99,99 Prozent", Q_PERCENT, 99.99, PCMP_EQ, R_NONE },
		{ "puret\xc3\xa9 99,5 pour cent", Q_PERCENT, 99.5, PCMP_EQ, R_NONE },	/* pureté 99,5 pour cent */
		{ "pureza 99,9 por ciento", Q_PERCENT, 99.9, PCMP_EQ, R_NONE },
		{ "purezza 99,9 per cento", Q_PERCENT, 99.9, PCMP_EQ, R_NONE },
		{ "\xd1\x87\xd0\xb8\xd1\x81\xd1\x82\xd0\xbe\xd1\x82\xd0\xb0 99,9 \xd0\xbf\xd1\x80\xd0\xbe\xd1\x86\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0", Q_PERCENT, 99.9, PCMP_EQ, R_NONE },	/* чистота 99,9 процента */
		{ "\xd8\xae\xd9\x84\xd9\x88\xd8\xb5 99.99 \xd8\xaf\xd8\xb1\xd8\xb5\xd8\xaf", Q_PERCENT, 99.99, PCMP_EQ, R_NONE },	/* خلوص 99.99 درصد */
		{ "\xd9\x86\xd9\x82\xd8\xa7\xd9\x88\xd8\xa9 99 \xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd8\xa6\xd8\xa9", Q_PERCENT, 99, PCMP_EQ, R_NONE },	/* نقاوة 99 في المائة */
		{ "\xe7\xba\xaf\xe5\xba\xa6\xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b" "99.9", Q_PERCENT, 99.9, PCMP_EQ, R_NONE },	/* 纯度百分之99.9 */
		{ "\xe7\xb4\x94\xe5\xba\xa6" "99.9\xe3\x83\x91\xe3\x83\xbc\xe3\x82\xbb\xe3\x83\xb3\xe3\x83\x88", Q_PERCENT, 99.9, PCMP_EQ, R_NONE },	/* 純度99.9パーセント */
		{ "\xec\x88\x9c\xeb\x8f\x84 99.9 \xed\x8d\xbc\xec\x84\xbc\xed\x8a\xb8", Q_PERCENT, 99.9, PCMP_EQ, R_NONE },	/* 순도 99.9 퍼센트 */
		{ "safl\xc4\xb1k y\xc3\xbczde 99,5", Q_PERCENT, 99.5, PCMP_EQ, R_NONE },	/* saflık yüzde 99,5 */
		{ "czysto\xc5\x9b\xc4\x87 99,9 procent", Q_PERCENT, 99.9, PCMP_EQ, R_NONE },	/* czystość 99,9 procent */
		{ "Ni 18 Gew.-%", Q_PERCENT, 18, PCMP_EQ, R_NONE },
		{ "\xd0\xb4\xd0\xb8\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80 300 \xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_LENGTH, 0.3, PCMP_EQ, R_DIAMETER },	/* диаметр 300 миллиметров */
		{ "Durchmesser 300 Millimeter", Q_LENGTH, 0.3, PCMP_EQ, R_DIAMETER },
		{ "diam\xc3\xa8tre 300 millim\xc3\xa8tres", Q_LENGTH, 0.3, PCMP_EQ, R_DIAMETER },	/* diamètre 300 millimètres */
		{ "\xec\xa7\x81\xea\xb2\xbd 300 \xeb\xb0\x80\xeb\xa6\xac\xeb\xaf\xb8\xed\x84\xb0", Q_LENGTH, 0.3, PCMP_EQ, R_DIAMETER },	/* 직경 300 밀리미터 */
		{ "\xd0\xbc\xd0\xb0\xd1\x81\xd1\x81\xd0\xb0 20 \xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xbe\xd0\xb2", Q_MASS, 20, PCMP_EQ, R_NONE },	/* масса 20 килограммов */
		{ "\xec\xa4\x91\xeb\x9f\x89 300 \xed\x82\xac\xeb\xa1\x9c\xea\xb7\xb8\xeb\x9e\xa8", Q_MASS, 300, PCMP_EQ, R_NONE },	/* 중량 300 킬로그램 */
		{ "12 Zoll", Q_LENGTH, 0.3048, PCMP_EQ, R_NONE },
		{ "1000 \xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd0\xbe\xd0\xb2", Q_TEMPERATURE, 1000, PCMP_EQ, R_NONE },	/* 1000 градусов */
		{ "1200 Grad Celsius", Q_TEMPERATURE, 1200, PCMP_EQ, R_NONE },
		{ "1100 \xc2\xba" "C", Q_TEMPERATURE, 1100, PCMP_EQ, R_NONE },	/* 1100 ºC */
		{ "5 \xd0\xbc\xd0\xbf\xd0\xb0", Q_PRESSURE, 5e6, PCMP_EQ, R_NONE },	/* 5 мпа */
		{ "400 \xd0\xb3\xd0\xb5\xd1\x80\xd1\x86", Q_FREQUENCY, 400, PCMP_EQ, R_NONE },	/* 400 герц */
		{ "Tank 30 Liter", Q_VOLUME, 30, PCMP_EQ, R_NONE },
		{ "5-Achs-Fr\xc3\xa4smaschine", Q_AXES, 5, PCMP_EQ, R_NONE },	/* 5-Achs-Fräsmaschine */
		{ "\xd1\x81\xd1\x82\xd0\xb0\xd0\xbd\xd0\xbe\xd0\xba 5-\xd0\xbe\xd1\x81\xd0\xb5\xd0\xb2\xd0\xbe\xd0\xb9", Q_AXES, 5, PCMP_EQ, R_NONE },	/* станок 5-осевой */
		{ "less than 75 mm", Q_LENGTH, 0.075, PCMP_LT, R_NONE },
		{ "weniger als 2 Achsen", Q_AXES, 2, PCMP_LT, R_NONE },
		{ "Reichweite mehr als 300 km", Q_LENGTH, 3e5, PCMP_GT, R_NONE },
		{ "au moins 5 axes", Q_AXES, 5, PCMP_GE, R_NONE },
		{ "alcance de menos de 50 km", Q_LENGTH, 5e4, PCMP_LT, R_NONE },
		{ "\xd0\xbd\xd0\xb5 \xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb5 99,9 %", Q_PERCENT, 99.9, PCMP_GE, R_NONE },	/* не менее 99,9 % */
		{ "\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb5 75 \xd0\xbc\xd0\xbc", Q_LENGTH, 0.075, PCMP_LT, R_NONE },	/* менее 75 мм */
		{ "\xd8\xa3\xd9\x83\xd8\xab\xd8\xb1 \xd9\x85\xd9\x86 300 \xd9\x83\xd9\x85", Q_LENGTH, 3e5, PCMP_GT, R_NONE },	/* أكثر من 300 كم */
		{ "\xd8\xa8\xdb\x8c\xd8\xb4 \xd8\xa7\xd8\xb2 300 \xda\xa9\xdb\x8c\xd9\x84\xd9\x88\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 3e5, PCMP_GT, R_NONE },	/* بیش از 300 کیلومتر */
		{ "\xe5\xb0\x84\xe7\xa8\x8b\xe8\xb6\x85\xe8\xbf\x87" "300\xe5\x85\xac\xe9\x87\x8c", Q_LENGTH, 3e5, PCMP_GT, R_NONE },	/* 射程超过300公里 */
		{ "Hf < 0.01 %", Q_PERCENT, 0.01, PCMP_LT, R_HAFNIUM },
		{ "Hf\xe2\x89\xa4" "100 ppm", Q_PERCENT, 0.01, PCMP_LE, R_HAFNIUM },	/* Hf≤100 ppm */
		{ "(Hf up to 4.5 %)", Q_PERCENT, 4.5, PCMP_LE, R_HAFNIUM },
		{ "\xd1\x81\xd0\xbe\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5 \xd0\xb3\xd0\xb0\xd1\x84\xd0\xbd\xd0\xb8\xd1\x8f \xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb5 0,01 %", Q_PERCENT, 0.01, PCMP_LT, R_HAFNIUM },	/* содержание гафния менее 0,01 % */
		{ "99.9%\xe4\xbb\xa5\xe4\xb8\x8a", Q_PERCENT, 99.9, PCMP_GE, R_NONE },	/* 99.9%以上 */
		{ "5mm\xe6\x9c\xaa\xe6\xba\x80", Q_LENGTH, 0.005, PCMP_LT, R_NONE },	/* 5mm未満 */
		{ "70 % \xec\x9d\xb4\xec\x83\x81", Q_PERCENT, 70, PCMP_GE, R_NONE },	/* 70 % 이상 */
		{ "300 km or more", Q_LENGTH, 3e5, PCMP_GE, R_NONE },
		{ "menzil 300 km'den fazla", Q_LENGTH, 3e5, PCMP_GT, R_NONE },
		{ "overall 5 mm", Q_LENGTH, 0.005, PCMP_EQ, R_NONE },
		/* a leading zero groups no thousands */
		{ "inner diameter 0.025 m", Q_LENGTH, 0.025, PCMP_EQ, R_INNER_DIAMETER },
		/* the role before a per-cent word */
		{ "Hf y\xc3\xbczde 0,8", Q_PERCENT, 0.8, PCMP_EQ, R_HAFNIUM },	/* Hf yüzde 0,8 */
		{ "Hf \xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b" "0.8", Q_PERCENT, 0.8, PCMP_EQ, R_HAFNIUM },	/* Hf 百分之0.8 */
		/* a long cue ending a compound */
		{ "Rohrdurchmesser 1200 mm", Q_LENGTH, 1.2, PCMP_EQ, R_DIAMETER },
		/* a negation turns a comparison round; the newer languages' words */
		{ "nicht mehr als 25 mm", Q_LENGTH, 0.025, PCMP_LE, R_NONE },
		{ "\xcf\x8c\xcf\x87\xce\xb9 \xce\xbb\xce\xb9\xce\xb3\xcf\x8c\xcf\x84\xce\xb5\xcf\x81\xce\xbf \xce\xb1\xcf\x80\xcf\x8c 5 \xce\xac\xce\xbe\xce\xbf\xce\xbd\xce\xb5\xcf\x82", Q_AXES, 5, PCMP_GE, R_NONE },	/* όχι λιγότερο από 5 άξονες */
		{ "25 \xe0\xa4\xae\xe0\xa4\xbf\xe0\xa4\xae\xe0\xa5\x80 \xe0\xa4\xb8\xe0\xa5\x87 \xe0\xa4\x85\xe0\xa4\xa7\xe0\xa4\xbf\xe0\xa4\x95 \xe0\xa4\xa8\xe0\xa4\xb9\xe0\xa5\x80\xe0\xa4\x82", Q_LENGTH, 0.025, PCMP_LE, R_NONE },	/* 25 मिमी से अधिक नहीं */
		{ "\xce\xb5\xcf\x83\xcf\x89\xcf\x84\xce\xb5\xcf\x81\xce\xb9\xce\xba\xce\xae \xce\xb4\xce\xb9\xce\xac\xce\xbc\xce\xb5\xcf\x84\xcf\x81\xce\xbf\xcf\x82 \xcf\x8c\xcf\x87\xce\xb9 \xcf\x80\xce\xb5\xcf\x81\xce\xb9\xcf\x83\xcf\x83\xcf\x8c\xcf\x84\xce\xb5\xcf\x81\xce\xbf \xce\xb1\xcf\x80\xcf\x8c 1,25 \xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xcf\x83\xcf\x84\xce\xac", Q_LENGTH, 0.00125, PCMP_LE, R_INNER_DIAMETER },	/* εσωτερική διάμετρος όχι περισσότερο από 1,25 χιλιοστά */
		{ "Hf da 0,72 a 0,88 per cento", Q_PERCENT, 0.88, PCMP_EQ, R_HAFNIUM },
		{ "innerdiameter 25 millimeter", Q_LENGTH, 0.025, PCMP_EQ, R_INNER_DIAMETER },
		{ "tlou\xc5\xa1\xc5\xa5ka st\xc4\x9bny 5 milimetr\xc5\xaf", Q_LENGTH, 0.005, PCMP_EQ, R_THICKNESS },	/* tloušťka stěny 5 milimetrů */
		{ "2 kilowatt\xc5\xaf", Q_POWER, 2000, PCMP_EQ, R_NONE },	/* 2 kilowattů */
		{ "40 micr\xc3\xb4m\xc3\xa9t", Q_LENGTH, 4e-5, PCMP_EQ, R_NONE },	/* 40 micrômét */
		{ "75 \xd7\xa7\"\xd7\x9e", Q_LENGTH, 7.5e4, PCMP_EQ, R_NONE },	/* 75 ק"מ */
	};
	size_t i, n;
	struct pvalue pv[4];

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		harness_context("param_scan(\"%s\")", t[i].in);
		n = param_scan(t[i].in, strlen(t[i].in), pv, 4);
		if (CHECK_INT_EQ(n, 1)) {
			CHECK_STR_EQ(param_quantity_name(pv[0].q),
			    param_quantity_name(t[i].q));
			CHECK(near(pv[0].v, t[i].v));
			CHECK_INT_EQ(pv[0].cmp, t[i].cmp);
			CHECK_STR_EQ(param_role_name(pv[0].role),
			    param_role_name(t[i].role));
		}
		harness_context(NULL);
	}
	CHECK(param_role("hafnium") == R_HAFNIUM);
}

/*
 * A bound meets a threshold as its value does, except at the edge it
 * excludes.
 */
static void
test_meets(void)
{
	struct pvalue v;

	memset(&v, 0, sizeof(v));
	v.v = 75;
	CHECK(param_meets(&v, true, 75, false, 0));
	v.cmp = PCMP_LE;
	CHECK(param_meets(&v, true, 75, false, 0));
	v.cmp = PCMP_LT;		/* less than 75: below a minimum of 75 */
	CHECK(!param_meets(&v, true, 75, false, 0));
	CHECK(param_meets(&v, true, 70, false, 0));
	CHECK(!param_meets(&v, true, 80, false, 0));
	v.cmp = PCMP_GT;		/* more than 75 */
	CHECK(param_meets(&v, true, 75, false, 0));
	CHECK(!param_meets(&v, false, 0, true, 75));
	CHECK(param_meets(&v, false, 0, true, 80));
	v.cmp = PCMP_EQ;
	CHECK(param_meets(&v, true, 50, true, 100));
	CHECK(!param_meets(&v, true, 80, true, 100));
	CHECK(!param_meets(&v, true, 50, true, 70));
	/* Hf up to 4.5 % is no hafnium content of at most 0.2 % */
	v.v = 4.5;
	v.cmp = PCMP_LE;
	CHECK(!param_meets(&v, false, 0, true, 0.2));
	v.v = 0.01;
	v.cmp = PCMP_LT;
	CHECK(param_meets(&v, false, 0, true, 0.2));
	/*
	 * "More than 64 g/m" reaches the regime's "greater than 64", a
	 * minimum of 64.1; 64 itself, or "more than 60", does not.
	 */
	v.v = 0.064;
	v.cmp = PCMP_GT;
	CHECK(param_meets(&v, true, 0.0641, false, 0));
	CHECK(!param_meets(&v, true, 0.0641, true, 0.064));
	v.cmp = PCMP_EQ;
	CHECK(!param_meets(&v, true, 0.0641, false, 0));
	v.v = 0.060;
	v.cmp = PCMP_GT;
	CHECK(!param_meets(&v, true, 0.0641, false, 0));
}

/*
 * Exclusive bounds (rule files' above: and below:): "less than 1 250
 * micro-g" is met by 1 249 and by "less than 1 250", not by a plain 1 250;
 * "more than 90 g" by "more than 90 g" or "at least 90 g", not by "90 g".
 */
static void
test_meets_excl(void)
{
	struct pvalue v;

	memset(&v, 0, sizeof(v));
	v.v = 1250;
	CHECK(param_meets_excl(&v, false, 0, false, true, 1250, false));
	CHECK(!param_meets_excl(&v, false, 0, false, true, 1250, true));
	v.cmp = PCMP_LT;
	CHECK(param_meets_excl(&v, false, 0, false, true, 1250, true));
	v.cmp = PCMP_EQ;
	v.v = 1249;
	CHECK(param_meets_excl(&v, false, 0, false, true, 1250, true));
	v.v = 1251;
	CHECK(!param_meets_excl(&v, false, 0, false, true, 1250, true));
	v.v = 90;
	CHECK(!param_meets_excl(&v, true, 90, true, false, 0, false));
	CHECK(param_meets_excl(&v, true, 90, false, false, 0, false));
	v.cmp = PCMP_GT;
	CHECK(param_meets_excl(&v, true, 90, true, false, 0, false));
	v.cmp = PCMP_GE;
	CHECK(param_meets_excl(&v, true, 90, true, false, 0, false));
	v.cmp = PCMP_LT;
	CHECK(!param_meets_excl(&v, true, 90, true, false, 0, false));
	v.cmp = PCMP_EQ;
	v.v = 90.5;
	CHECK(param_meets_excl(&v, true, 90, true, false, 0, false));
	/* a value in units converted lands on the figure within rounding */
	v.v = 0.1 * 3;
	CHECK(!param_meets_excl(&v, true, 0.3, true, false, 0, false));
}

/* A value given again in brackets is compared as the one before it. */
static void
test_scan_paren_cmp(void)
{
	struct pvalue pv[8];
	const char *s = "Capable of operation above 1 123 K (850 \xc2\xb0" "C)";
	size_t n = param_scan(s, strlen(s), pv, 8);

	if (CHECK(n == 1)) {
		CHECK(pv[0].q == Q_TEMPERATURE);
		CHECK(pv[0].cmp == PCMP_GT);
	}
	s = "bias repeatability of less (better) than 1 250 micro g";
	n = param_scan(s, strlen(s), pv, 8);
	if (CHECK(n == 1))
		CHECK(pv[0].cmp == PCMP_LT);
	s = "inside diameter 150 mm (6 in)";
	n = param_scan(s, strlen(s), pv, 8);
	if (CHECK(n >= 1))
		CHECK(pv[n - 1].cmp == PCMP_EQ);
}

/*
 * Every unit of the English unit words as each term language writes it
 * (tests/data/goods17/units.tsv: language, unit, quantity, factor, word;
 * a leading '^' writes the word before the number; Chinese and Japanese
 * join them): "5 <word>" reads as 5 of that unit.  Prints each word not
 * read and the count per language.
 */
#define UNITS_COLS	5
#define UNITS_FIGURE	5.0

static bool
units_reads(const char *lang, const char *word, enum quantity q, double f)
{
	struct pvalue pv[8];
	char text[256];
	size_t n, i;
	bool joined = strcmp(lang, "zh") == 0 || strcmp(lang, "ja") == 0;

	if (word[0] == '^')
		snprintf(text, sizeof(text), "%s%s%g", word + 1,
		    joined ? "" : " ", UNITS_FIGURE);
	else
		snprintf(text, sizeof(text), "%g%s%s", UNITS_FIGURE,
		    joined ? "" : " ", word);
	memset(pv, 0, sizeof(pv));
	n = param_scan(text, strlen(text), pv, 8);
	for (i = 0; i < n; i++)
		if (pv[i].q == q &&
		    fabs(pv[i].v - UNITS_FIGURE * f) <= 1e-9 * UNITS_FIGURE * f)
			return true;
	return false;
}

static void
test_unit_words(void)
{
	char *path = harness_data_path("goods17/units.tsv"), *line = NULL;
	char *col[UNITS_COLS], *p;
	FILE *fp = fopen(path, "r");
	size_t cap = 0, rows = 0, missed = 0;
	int k;

	free(path);
	if (!CHECK(fp != NULL))
		return;
	while (getline(&line, &cap, fp) != -1) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (k = 0, p = line; k < UNITS_COLS && p != NULL; k++) {
			col[k] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (!CHECK_INT_EQ(k, UNITS_COLS))
			continue;
		rows++;
		if (units_reads(col[0], col[4], param_quantity(col[2]),
		    strtod(col[3], NULL)))
			continue;
		missed++;
		fprintf(stderr, "unit word not read: %s %s \"%s\"\n",
		    col[0], col[1], col[4]);
	}
	free(line);
	fclose(fp);
	fprintf(stderr, "unit words: %zu of %zu read\n", rows - missed, rows);
	harness_context("tests/data/goods17/units.tsv");
	CHECK_INT_EQ(missed, 0);
	harness_context(NULL);
}

int
main(void)
{
	harness_init("test_param");
	test_unit_words();
	test_meets_excl();
	test_scan_paren_cmp();
	test_parse_value();
	test_names();
	test_scan();
	test_scan_forms();
	test_roles();
	test_derive_packing();
	test_words();
	test_meets();
	return harness_done();
}
