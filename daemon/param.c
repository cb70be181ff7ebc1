/*
 * Numbers with units.  The unit table is ours because it is domain
 * knowledge (which spellings customs descriptions use), not a generic
 * service a library offers.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "param.h"
#include "param_words.h"
#include "xmalloc.h"

static const struct param_unit units[] = {
	{ "Hz", Q_FREQUENCY, 1, true }, { "kHz", Q_FREQUENCY, 1e3, true },
	{ "MHz", Q_FREQUENCY, 1e6, false }, { "GHz", Q_FREQUENCY, 1e9, true },
	{ "Pa", Q_PRESSURE, 1, false }, { "kPa", Q_PRESSURE, 1e3, true },
	{ "MPa", Q_PRESSURE, 1e6, false }, { "GPa", Q_PRESSURE, 1e9, true },
	{ "bar", Q_PRESSURE, 1e5, true }, { "psi", Q_PRESSURE, 6894.757, true },
	{ "mbar", Q_PRESSURE, 100, false }, { "Torr", Q_PRESSURE, 133.322, true },
	{ "mTorr", Q_PRESSURE, 0.133322, false },
	{ "ksi", Q_PRESSURE, 6894757, true },
	{ "nm", Q_LENGTH, 1e-9, false }, { "um", Q_LENGTH, 1e-6, false },
	{ "\xc2\xb5m", Q_LENGTH, 1e-6, false }, { "\xce\xbcm", Q_LENGTH, 1e-6, false },
	{ "micrometre", Q_LENGTH, 1e-6, true }, { "micrometres", Q_LENGTH, 1e-6, true },
	{ "micrometer", Q_LENGTH, 1e-6, true }, { "micrometers", Q_LENGTH, 1e-6, true },
	{ "micron", Q_LENGTH, 1e-6, true }, { "microns", Q_LENGTH, 1e-6, true },
	{ "mm", Q_LENGTH, 1e-3, false }, { "cm", Q_LENGTH, 1e-2, false },
	{ "m", Q_LENGTH, 1, false }, { "km", Q_LENGTH, 1e3, true },
	{ "metre", Q_LENGTH, 1, true }, { "metres", Q_LENGTH, 1, true },
	{ "meter", Q_LENGTH, 1, true }, { "meters", Q_LENGTH, 1, true },
	{ "in", Q_LENGTH, 0.0254, true }, { "inch", Q_LENGTH, 0.0254, true },
	{ "inches", Q_LENGTH, 0.0254, true }, { "\"", Q_LENGTH, 0.0254, true },
	{ "\xe2\x80\xb3", Q_LENGTH, 0.0254, true },	/* ″ */
	{ "ft", Q_LENGTH, 0.3048, true }, { "feet", Q_LENGTH, 0.3048, true },
	{ "mg", Q_MASS, 1e-6, false }, { "g", Q_MASS, 1e-3, false },
	{ "\xc2\xb5g", Q_MASS, 1e-9, false }, { "\xce\xbcg", Q_MASS, 1e-9, false },
	{ "ug", Q_MASS, 1e-9, false },
	{ "kg", Q_MASS, 1, true }, { "t", Q_MASS, 1e3, false },
	{ "tonne", Q_MASS, 1e3, true }, { "tonnes", Q_MASS, 1e3, true },
	{ "oz", Q_MASS, 0.0283495, true }, { "lb", Q_MASS, 0.453592, true },
	{ "lbs", Q_MASS, 0.453592, true },
	/* ice capacity of freeze dryers: a mass per 24 h, read as the mass */
	{ "kg/24h", Q_MASS, 1, true }, { "kg/24 h", Q_MASS, 1, true },
	{ "kg/day", Q_MASS, 1, true }, { "kg/d", Q_MASS, 1, true },
	{ "kg/h", Q_MASS_RATE, 1, true }, { "kg/hr", Q_MASS_RATE, 1, true },
	{ "g/h", Q_MASS_RATE, 1e-3, false }, { "t/h", Q_MASS_RATE, 1e3, false },
	{ "%", Q_PERCENT, 1, true }, { "pct", Q_PERCENT, 1, true },
	{ "percent", Q_PERCENT, 1, true }, { "ppm", Q_PERCENT, 1e-4, true },
	{ "ppb", Q_PERCENT, 1e-7, true }, { "ppmw", Q_PERCENT, 1e-4, true },
	{ "micro g", Q_ACCELERATION, 1e-6, true }, { "micro-g", Q_ACCELERATION, 1e-6, true },
	{ "\xd0\xbc\xd0\xba" "g", Q_ACCELERATION, 1e-6, false },	/* мкg */
	{ "\xd0\xbc\xd0\xba\xd0\xb3", Q_ACCELERATION, 1e-6, false },	/* мкг: micro-g where it names no mass */
	{ "g/m", Q_LINEAR_DENSITY, 1, false }, { "gr/ft", Q_LINEAR_DENSITY, 0.2126, true },
	{ "grain/ft", Q_LINEAR_DENSITY, 0.2126, true }, { "kg/m", Q_LINEAR_DENSITY, 1e3, false },
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
	{ "deg C", Q_TEMPERATURE, 1, true }, { "\xe2\x84\x83", Q_TEMPERATURE, 1, true },
	{ "\xc2\xb0\xd0\xa1", Q_TEMPERATURE, 1, true },	/* °С, Cyrillic С */
	{ "deg/h", Q_DRIFT, 1, true }, { "deg/hr", Q_DRIFT, 1, true },
	{ "\xc2\xb0/h", Q_DRIFT, 1, true }, { "\xc2\xb0/hr", Q_DRIFT, 1, true },
	{ "\xc2\xb0/\xd1\x87", Q_DRIFT, 1, true },	/* °/ч */
	{ "ml", Q_VOLUME, 1e-3, true }, { "l", Q_VOLUME, 1, true },
	{ "litre", Q_VOLUME, 1, true }, { "litres", Q_VOLUME, 1, true },
	{ "liter", Q_VOLUME, 1, true }, { "liters", Q_VOLUME, 1, true },
	{ "liter", Q_VOLUME, 1, true }, { "litri", Q_VOLUME, 1, true },
	{ "litros", Q_VOLUME, 1, true }, { "litro", Q_VOLUME, 1, true },
	{ "litrov", Q_VOLUME, 1, true }, { "litr\xc3\xb3w", Q_VOLUME, 1, true },
	{ "m3", Q_VOLUME, 1e3, false }, { "m\xc2\xb3", Q_VOLUME, 1e3, false },
	{ "gal", Q_VOLUME, 3.78541, true }, { "fl oz", Q_VOLUME, 0.0295735, true },
	{ "m2", Q_AREA, 1, false }, { "m\xc2\xb2", Q_AREA, 1, false },
	{ "cm2", Q_AREA, 1e-4, false }, { "cm\xc2\xb2", Q_AREA, 1e-4, false },
	{ "m3/h", Q_FLOW, 1, false }, { "m\xc2\xb3/h", Q_FLOW, 1, false },
	{ "m3/hr", Q_FLOW, 1, false }, { "m\xc2\xb3/hr", Q_FLOW, 1, false },
	{ "m3/s", Q_FLOW, 3600, false }, { "m\xc2\xb3/s", Q_FLOW, 3600, false },
	{ "m3/min", Q_FLOW, 60, false }, { "m\xc2\xb3/min", Q_FLOW, 60, false },
	{ "l/s", Q_FLOW, 3.6, true }, { "l/min", Q_FLOW, 0.06, true },
	{ "l/h", Q_FLOW, 1e-3, true }, { "l/hr", Q_FLOW, 1e-3, true },
	{ "cfm", Q_FLOW, 1.699011, true },
	{ "g/cm3", Q_DENSITY, 1e3, true }, { "g/cm\xc2\xb3", Q_DENSITY, 1e3, true },
	{ "g/cc", Q_DENSITY, 1e3, true }, { "kg/m3", Q_DENSITY, 1, true },
	{ "kg/m\xc2\xb3", Q_DENSITY, 1, true }, { "g/ml", Q_DENSITY, 1e3, true },
	{ "bit/s", Q_DATA_RATE, 1, true }, { "kbit/s", Q_DATA_RATE, 1e3, true },
	{ "Mbit/s", Q_DATA_RATE, 1e6, true }, { "Gbit/s", Q_DATA_RATE, 1e9, true },
	{ "bps", Q_DATA_RATE, 1, true }, { "kbps", Q_DATA_RATE, 1e3, true },
	{ "Mbps", Q_DATA_RATE, 1e6, true }, { "Gbps", Q_DATA_RATE, 1e9, true },
	{ "N", Q_FORCE, 1, false }, { "kN", Q_FORCE, 1e3, true },
	{ "MN", Q_FORCE, 1e6, false }, { "lbf", Q_FORCE, 4.448222, true },
	{ "kgf", Q_FORCE, 9.80665, true },
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
	{ "min", Q_TIME, 60, false }, { "minutes", Q_TIME, 60, true },
	{ "h", Q_TIME, 3600, false }, { "hr", Q_TIME, 3600, true },
	{ "hrs", Q_TIME, 3600, true }, { "hour", Q_TIME, 3600, true },
	{ "hours", Q_TIME, 3600, true }, { "Std", Q_TIME, 3600, false },
	{ "Stunden", Q_TIME, 3600, true }, { "heures", Q_TIME, 3600, true },
	{ "horas", Q_TIME, 3600, true }, { "ore", Q_TIME, 3600, true },
	{ "saat", Q_TIME, 3600, true }, { "jam", Q_TIME, 3600, true },
	{ "godz", Q_TIME, 3600, true }, { "uur", Q_TIME, 3600, true },
	{ "gi\xe1\xbb\x9d", Q_TIME, 3600, true },		/* giờ */
	{ "axis", Q_AXES, 1, true }, { "axes", Q_AXES, 1, true },
	{ "achsig", Q_AXES, 1, true }, { "Achsen", Q_AXES, 1, true },
	{ "ejes", Q_AXES, 1, true }, { "assi", Q_AXES, 1, true },
	{ "eixos", Q_AXES, 1, true }, { "assen", Q_AXES, 1, true },
	{ "osi", Q_AXES, 1, true }, { "osiowa", Q_AXES, 1, true },
	{ "osiowy", Q_AXES, 1, true }, { "eksen", Q_AXES, 1, true },
	{ "eksenli", Q_AXES, 1, true }, { "tr\xe1\xbb\xa5" "c", Q_AXES, 1, true },
	{ "sumbu", Q_AXES, 1, true }, { "os\xc3\xa1", Q_AXES, 1, true },
	{ "os\xc3\xa9", Q_AXES, 1, true }, { "axlig", Q_AXES, 1, true },
	{ "axlar", Q_AXES, 1, true },
	/* Cyrillic */
	{ "\xd0\x93\xd1\x86", Q_FREQUENCY, 1, false },			/* Гц */
	{ "\xd0\xba\xd0\x93\xd1\x86", Q_FREQUENCY, 1e3, false },		/* кГц */
	{ "\xd0\x9c\xd0\x93\xd1\x86", Q_FREQUENCY, 1e6, false },		/* МГц */
	{ "\xd0\x93\xd0\x93\xd1\x86", Q_FREQUENCY, 1e9, false },		/* ГГц */
	{ "\xd0\x9f\xd0\xb0", Q_PRESSURE, 1, false },			/* Па */
	{ "\xd0\xba\xd0\x9f\xd0\xb0", Q_PRESSURE, 1e3, false },		/* кПа */
	{ "\xd0\x9c\xd0\x9f\xd0\xb0", Q_PRESSURE, 1e6, false },		/* МПа */
	{ "\xd0\x93\xd0\x9f\xd0\xb0", Q_PRESSURE, 1e9, false },		/* ГПа */
	{ "\xd0\xb1\xd0\xb0\xd1\x80", Q_PRESSURE, 1e5, false },		/* бар */
	{ "\xd0\xbc\xd0\xbc", Q_LENGTH, 1e-3, false },			/* мм */
	{ "\xd1\x81\xd0\xbc", Q_LENGTH, 1e-2, false },			/* см */
	{ "\xd0\xbc", Q_LENGTH, 1, false },				/* м */
	{ "\xd0\xba\xd0\xbc", Q_LENGTH, 1e3, false },			/* км */
	{ "\xd0\xbc\xd0\xba\xd0\xbc", Q_LENGTH, 1e-6, false },		/* мкм */
	{ "\xd0\xbc\xd0\xb3", Q_MASS, 1e-6, false },			/* мг */
	{ "\xd0\xb3", Q_MASS, 1e-3, false },				/* г */
	{ "\xd0\xba\xd0\xb3", Q_MASS, 1, false },			/* кг */
	{ "\xd1\x82", Q_MASS, 1e3, false },				/* т */
	{ "\xd0\x92\xd1\x82", Q_POWER, 1, false },			/* Вт */
	{ "\xd0\xba\xd0\x92\xd1\x82", Q_POWER, 1e3, false },		/* кВт */
	{ "\xd0\x9c\xd0\x92\xd1\x82", Q_POWER, 1e6, false },		/* МВт */
	{ "\xd0\xbb", Q_VOLUME, 1, false },				/* л */
	{ "\xd0\xbc\xd0\xbb", Q_VOLUME, 1e-3, false },			/* мл */
	{ "\xd0\xbc\xc2\xb3", Q_VOLUME, 1e3, false },			/* м³ */
	{ "\xd0\xbc" "3", Q_VOLUME, 1e3, false },			/* м3 */
	{ "\xd0\xbc\xc2\xb2", Q_AREA, 1, false },			/* м² */
	{ "\xd0\xbc" "2", Q_AREA, 1, false },				/* м2 */
	{ "\xd0\xbb/\xd1\x81", Q_FLOW, 3.6, false },			/* л/с */
	{ "\xd0\xbb/\xd0\xbc\xd0\xb8\xd0\xbd", Q_FLOW, 0.06, false },	/* л/мин */
	{ "\xd0\xbc\xc2\xb3/\xd1\x87", Q_FLOW, 1, false },		/* м³/ч */
	{ "\xd0\xbc" "3/\xd1\x87", Q_FLOW, 1, false },			/* м3/ч */
	{ "\xd0\xbd", Q_FORCE, 1, false },				/* Н */
	{ "\xd0\x9d", Q_FORCE, 1, false },				/* Н */
	{ "\xd0\xba\xd0\x9d", Q_FORCE, 1e3, false },			/* кН */
	{ "\xd0\xb3/\xd1\x81\xd0\xbc\xc2\xb3", Q_DENSITY, 1e3, false },	/* г/см³ */
	{ "\xd0\xb3/\xd1\x81\xd0\xbc" "3", Q_DENSITY, 1e3, false },	/* г/см3 */
	{ "\xd1\x87", Q_TIME, 3600, false },				/* ч */
	{ "\xd1\x87\xd0\xb0\xd1\x81", Q_TIME, 3600, false },		/* час */
	{ "\xd1\x87\xd0\xb0\xd1\x81\xd0\xb0", Q_TIME, 3600, false },	/* часа */
	{ "\xd1\x87\xd0\xb0\xd1\x81\xd0\xbe\xd0\xb2", Q_TIME, 3600, false },	/* часов */
	{ "\xd0\xbc\xd0\xb8\xd0\xbd", Q_TIME, 60, false },		/* мин */
	{ "\xd0\xbe\xd1\x81\xd0\xb5\xd0\xb9", Q_AXES, 1, false },	/* осей */
	{ "\xd0\xbe\xd1\x81\xd0\xb8", Q_AXES, 1, false },		/* оси */
	{ "\xd0\xba\xd0\xbe\xd0\xbe\xd1\x80\xd0\xb4\xd0\xb8\xd0\xbd\xd0\xb0\xd1\x82\xd0\xbd\xd1\x8b\xd0\xb9",
	    Q_AXES, 1, false },						/* координатный */
	{ "\xd0\xb2\xd1\x96\xd1\x81\xd0\xbd\xd0\xb8\xd0\xb9", Q_AXES, 1, false },	/* вісний */
	/* Chinese and Japanese */
	{ "\xe8\xb5\xab\xe5\x85\xb9", Q_FREQUENCY, 1, false },		/* 赫兹 */
	{ "\xe8\xb5\xab\xe8\x8c\xb2", Q_FREQUENCY, 1, false },		/* 赫茲 */
	{ "\xe5\x8d\x83\xe8\xb5\xab", Q_FREQUENCY, 1e3, false },		/* 千赫 */
	{ "\xe5\x85\x86\xe5\xb8\x95", Q_PRESSURE, 1e6, false },		/* 兆帕 */
	{ "\xe5\x90\x89\xe5\xb8\x95", Q_PRESSURE, 1e9, false },		/* 吉帕 */
	{ "\xe5\x8d\x83\xe5\xb8\x95", Q_PRESSURE, 1e3, false },		/* 千帕 */
	{ "\xe5\xb8\x95", Q_PRESSURE, 1, false },			/* 帕 */
	{ "\xe6\xaf\xab\xe7\xb1\xb3", Q_LENGTH, 1e-3, false },		/* 毫米 */
	{ "\xe5\x8e\x98\xe7\xb1\xb3", Q_LENGTH, 1e-2, false },		/* 厘米 */
	{ "\xe5\xbe\xae\xe7\xb1\xb3", Q_LENGTH, 1e-6, false },		/* 微米 */
	{ "\xe7\xb1\xb3", Q_LENGTH, 1, false },				/* 米 */
	{ "\xe5\x85\xac\xe9\x87\x8c", Q_LENGTH, 1e3, false },		/* 公里 */
	{ "\xe5\x90\x8b", Q_LENGTH, 0.0254, false },			/* 吋 */
	{ "\xe8\x8b\xb1\xe5\xaf\xb8", Q_LENGTH, 0.0254, false },		/* 英寸 */
	{ "\xe5\x85\xac\xe6\x96\xa4", Q_MASS, 1, false },		/* 公斤 */
	{ "\xe5\x8d\x83\xe5\x85\x8b", Q_MASS, 1, false },		/* 千克 */
	{ "\xe5\x90\xa8", Q_MASS, 1e3, false },				/* 吨 */
	{ "\xe5\x99\xb8", Q_MASS, 1e3, false },				/* 噸 */
	{ "\xe5\x85\x8b", Q_MASS, 1e-3, false },				/* 克 */
	{ "\xe5\x8d\x83\xe7\x93\xa6", Q_POWER, 1e3, false },		/* 千瓦 */
	{ "\xe7\x93\xa6", Q_POWER, 1, false },				/* 瓦 */
	{ "\xe5\x8d\x87", Q_VOLUME, 1, false },				/* 升 */
	{ "\xe6\xaf\xab\xe5\x8d\x87", Q_VOLUME, 1e-3, false },		/* 毫升 */
	{ "\xe7\xab\x8b\xe6\x96\xb9\xe7\xb1\xb3", Q_VOLUME, 1e3, false },	/* 立方米 */
	{ "\xe5\xb9\xb3\xe6\x96\xb9\xe7\xb1\xb3", Q_AREA, 1, false },	/* 平方米 */
	{ "\xe5\x8d\x83\xe7\x89\x9b", Q_FORCE, 1e3, false },		/* 千牛 */
	{ "\xe5\xb0\x8f\xe6\x97\xb6", Q_TIME, 3600, false },		/* 小时 */
	{ "\xe5\xb0\x8f\xe6\x99\x82", Q_TIME, 3600, false },		/* 小時 */
	{ "\xe6\x99\x82\xe9\x96\x93", Q_TIME, 3600, false },		/* 時間 */
	{ "\xe5\x88\x86\xe9\x92\x9f", Q_TIME, 60, false },		/* 分钟 */
	{ "\xe8\xbd\xb4", Q_AXES, 1, false },				/* 轴 */
	{ "\xe8\xbb\xb8", Q_AXES, 1, false },				/* 軸 */
	/* Korean */
	{ "\xec\x8b\x9c\xea\xb0\x84", Q_TIME, 3600, false },		/* 시간 */
	{ "\xec\xb6\x95", Q_AXES, 1, false },				/* 축 */
	/* Arabic and Persian */
	{ "\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1, false },	/* هرتز */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e3, false },	/* كيلوهرتز */
	{ "\xd9\x85\xd9\x8a\xd8\xba\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84", Q_PRESSURE, 1e6, false },	/* ميغاباسكال */
	{ "\xd8\xba\xd9\x8a\xd8\xba\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84", Q_PRESSURE, 1e9, false },	/* غيغاباسكال */
	{ "\xd9\x85\xda\xaf\xd8\xa7\xd9\xbe\xd8\xa7\xd8\xb3\xda\xa9\xd8\xa7\xd9\x84", Q_PRESSURE, 1e6, false },	/* مگاپاسکال */
	{ "\xda\xaf\xdb\x8c\xda\xaf\xd8\xa7\xd9\xbe\xd8\xa7\xd8\xb3\xda\xa9\xd8\xa7\xd9\x84", Q_PRESSURE, 1e9, false },	/* گیگاپاسکال */
	{ "\xd9\x85\xd9\x85", Q_LENGTH, 1e-3, false },			/* مم */
	{ "\xd9\x85\xd9\x84\xd9\x85", Q_LENGTH, 1e-3, false },		/* ملم */
	{ "\xd9\x85\xd9\x84\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, false },	/* ململتر? no: ملمتر */
	{ "\xd9\x85\xd9\x8a\xd9\x84\xd9\x8a\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, false },	/* ميليمتر */
	{ "\xd9\x85\xd9\x84\xd9\x8a\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, false },	/* مليمتر */
	{ "\xd9\x85\xdb\x8c\xd9\x84\xdb\x8c\xe2\x80\x8c\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, false },	/* میلی‌متر */
	{ "\xd9\x85\xdb\x8c\xd9\x84\xdb\x8c\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, false },	/* میلیمتر */
	{ "\xd9\x85\xdb\x8c\xd9\x84\xdb\x8c \xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, false },	/* میلی متر */
	{ "\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1, false },		/* متر */
	{ "\xd9\x83\xd8\xba", Q_MASS, 1, false },			/* كغ */
	{ "\xd9\x83\xd8\xac\xd9\x85", Q_MASS, 1, false },		/* كجم */
	{ "\xda\xa9\xdb\x8c\xd9\x84\xd9\x88\xda\xaf\xd8\xb1\xd9\x85", Q_MASS, 1, false },	/* کیلوگرم */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88\xd8\xba\xd8\xb1\xd8\xa7\xd9\x85", Q_MASS, 1, false },	/* كيلوغرام */
	{ "\xd9\x84\xd8\xaa\xd8\xb1", Q_VOLUME, 1, false },		/* لتر */
	{ "\xd9\x84\xdb\x8c\xd8\xaa\xd8\xb1", Q_VOLUME, 1, false },	/* لیتر */
	{ "\xd9\x84\xd9\x8a\xd8\xaa\xd8\xb1", Q_VOLUME, 1, false },	/* ليتر */
	{ "\xd9\x85\xd8\xaa\xd8\xb1 \xd9\x85\xda\xa9\xd8\xb9\xd8\xa8 \xd8\xa8\xd8\xb1 \xd8\xb3\xd8\xa7\xd8\xb9\xd8\xaa", Q_FLOW, 1, false },	/* متر مکعب بر ساعت */
	{ "\xd9\x85\xd8\xaa\xd8\xb1 \xd9\x85\xda\xa9\xd8\xb9\xd8\xa8", Q_VOLUME, 1e3, false },	/* متر مکعب */
	{ "\xd9\x85\xd8\xaa\xd8\xb1 \xd9\x85\xd9\x83\xd8\xb9\xd8\xa8", Q_VOLUME, 1e3, false },	/* متر مكعب */
	{ "\xda\xa9\xdb\x8c\xd9\x84\xd9\x88\xd9\x88\xd8\xa7\xd8\xaa", Q_POWER, 1e3, false },	/* کیلووات */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88\xd9\x88\xd8\xa7\xd8\xb7", Q_POWER, 1e3, false },	/* كيلوواط */
	{ "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xaa", Q_TIME, 3600, false },	/* ساعت */
	{ "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xa9", Q_TIME, 3600, false },	/* ساعة */
	{ "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xa7\xd8\xaa", Q_TIME, 3600, false },	/* ساعات */
	/* Hebrew */
	{ "\xd7\x9e\"\xd7\x9e", Q_LENGTH, 1e-3, false },			/* מ"מ */
	{ "\xd7\x9e\xd7\xb4\xd7\x9e", Q_LENGTH, 1e-3, false },		/* מ״מ */
	{ "\xd7\xa1\"\xd7\x9e", Q_LENGTH, 1e-2, false },			/* ס"מ */
	{ "\xd7\x9c\xd7\x99\xd7\x98\xd7\xa8", Q_VOLUME, 1, false },	/* ליטר */
	{ "\xd7\xa7\"\xd7\x92", Q_MASS, 1, false },			/* ק"ג */
	{ "\xd7\xa7\xd7\xb4\xd7\x92", Q_MASS, 1, false },	/* ק״ג */
	{ "\xd7\xa7\"\xd7\x9e", Q_LENGTH, 1e3, false },	/* ק"מ */
	{ "\xd7\xa7\xd7\xb4\xd7\x9e", Q_LENGTH, 1e3, false },	/* ק״מ */
	{ "\xd7\x94\xd7\xa8\xd7\xa5", Q_FREQUENCY, 1, false },		/* הרץ */
	{ "\xd7\xa9\xd7\xa2\xd7\x95\xd7\xaa", Q_TIME, 3600, false },	/* שעות */
	{ "\xd7\xa6\xd7\x99\xd7\xa8\xd7\x99\xd7\x9d", Q_AXES, 1, false },	/* צירים */
	{ "\xd7\xa6\xd7\x99\xd7\xa8", Q_AXES, 1, false },	/* ציר */
	{ "\xd7\x9e\"\xd7\xa7", Q_VOLUME, 1e3, false },	/* מ"ק */
	{ "\xd7\x9e\xd7\xb4\xd7\xa7", Q_VOLUME, 1e3, false },	/* מ״ק */
	{ "\xd7\x9e\"\xd7\xa8", Q_AREA, 1, false },	/* מ"ר */
	{ "\xd7\x9e\xd7\xb4\xd7\xa8", Q_AREA, 1, false },	/* מ״ר */
	{ "\xd7\x9e\xd7\x98\xd7\xa8", Q_LENGTH, 1, false },	/* מטר */
	{ "\xd7\x9e\xd7\x99\xd7\xa7\xd7\xa8\xd7\x95\xd7\x9f", Q_LENGTH, 1e-6, false },	/* מיקרון */
	{ "\xd7\x9e\xd7\x99\xd7\xa7\xd7\xa8\xd7\x95\xd7\x9e\xd7\x98\xd7\xa8", Q_LENGTH, 1e-6, false },	/* מיקרומטר */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95\xd7\x92\xd7\xa8\xd7\x9d", Q_MASS, 1, false },	/* קילוגרם */
	{ "\xd7\x92\xd7\xa8\xd7\x9d", Q_MASS, 1e-3, false },	/* גרם */
	{ "\xd7\x98\xd7\x95\xd7\x9f", Q_MASS, 1e3, false },	/* טון */
	{ "\xd7\x95\xd7\x95\xd7\x90\xd7\x98", Q_POWER, 1, false },	/* וואט */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95\xd7\x95\xd7\x90\xd7\x98", Q_POWER, 1e3, false },	/* קילוואט */
	{ "\xd7\x9c\xd7\x99\xd7\x98\xd7\xa8\xd7\x99\xd7\x9d", Q_VOLUME, 1, false },	/* ליטרים */
	{ "\xd7\xa9\xd7\xa2\xd7\x94", Q_TIME, 3600, false },	/* שעה */
	/* Hindi */
	{ "\xe0\xa4\xae\xe0\xa4\xbf\xe0\xa4\xae\xe0\xa5\x80", Q_LENGTH, 1e-3, false },	/* मिमी */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\x97\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xbe", Q_MASS, 1, false },	/* किग्रा */
	{ "\xe0\xa4\xb2\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_VOLUME, 1, false },	/* लीटर */
	{ "\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\x87\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa5\x8b\xe0\xa4\xa8", Q_LENGTH, 1e-6, false },	/* माइक्रोन */
	{ "\xe0\xa4\xb9\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\x9f\xe0\xa5\x8d\xe0\xa4\x9c", Q_FREQUENCY, 1, false },	/* हर्ट्ज */
	/* Greek */
	{ "\xcf\x8e\xcf\x81\xce\xb5\xcf\x82", Q_TIME, 3600, false },	/* ώρες */
};

static const char *qnames[Q_COUNT_] = {
	"", "frequency", "pressure", "length", "mass", "percent",
	"sample_rate", "power", "temperature", "drift", "volume", "data_rate",
	"force", "impulse", "bits", "time", "dose", "density", "flow",
	"mass_rate", "area", "axes", "specific_modulus", "specific_strength",
	"linear_density", "acceleration",
};
static const char *qbase[Q_COUNT_] = {
	"", "Hz", "Pa", "m", "kg", "%", "S/s", "W", "degC", "deg/h", "l",
	"bit/s", "N", "Ns", "bit", "s", "Gy", "kg/m3", "m3/h", "kg/h", "m2",
	"axes", "m", "m", "g/m", "g",
};
static const char *rnames[R_COUNT_] = {
	"", "diameter", "inner_diameter", "thickness", "tensile_strength",
	"modulus", "bias", "hafnium",
};

/*
 * Words that say what the next value measures, lowercase (ASCII, Cyrillic
 * and Greek are compared case-insensitively).  When several end before a
 * value, the one ending last wins, then the longest: "inner diameter" over
 * "diameter".
 */
struct cue {
	const char	*w;
	enum prole	 role;
};

static const struct cue cues[] = {
	/* outside diameter, or a diameter unqualified */
	{ "diameter", R_DIAMETER }, { "dia", R_DIAMETER }, { "od", R_DIAMETER },
	{ "o.d", R_DIAMETER }, { "outside diameter", R_DIAMETER },
	{ "outer diameter", R_DIAMETER }, { "outer dia", R_DIAMETER },
	{ "\xc3\xb8", R_DIAMETER }, { "\xc3\x98", R_DIAMETER },		/* ø Ø */
	{ "\xe2\x8c\x80", R_DIAMETER }, { "\xcf\x86", R_DIAMETER },	/* ⌀ φ */
	{ "\xc9\xb8", R_DIAMETER },					/* ɸ */
	{ "durchmesser", R_DIAMETER }, { "au\xc3\x9f" "endurchmesser", R_DIAMETER },
	{ "diam\xc3\xa8tre", R_DIAMETER }, { "di\xc3\xa1metro", R_DIAMETER },
	{ "di\xc3\xa2metro", R_DIAMETER }, { "diametro", R_DIAMETER },
	{ "diameter luar", R_DIAMETER }, { "buitendiameter", R_DIAMETER },
	{ "\xd0\xb4\xd0\xb8\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", R_DIAMETER },	/* диаметр */
	{ "\xd0\xb4\xd1\x96\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", R_DIAMETER },	/* діаметр */
	{ "\xc5\x9brednica", R_DIAMETER }, { "\xc5\x9brednicy", R_DIAMETER },	/* średnica */
	{ "pr\xc5\xaf" "m\xc4\x9br", R_DIAMETER },					/* průměr */
	{ "\xc3\xa7" "ap", R_DIAMETER }, { "\xc3\xa7" "ap\xc4\xb1", R_DIAMETER },	/* çap */
	{ "\xce\xb4\xce\xb9\xce\xac\xce\xbc\xce\xb5\xcf\x84\xcf\x81\xce\xbf\xcf\x82", R_DIAMETER },	/* διάμετρος */
	{ "\xd9\x82\xd8\xb7\xd8\xb1", R_DIAMETER },					/* قطر */
	{ "\xd7\xa7\xd7\x95\xd7\x98\xd7\xa8", R_DIAMETER },				/* קוטר */
	{ "\xd7\x91\xd7\xa7\xd7\x95\xd7\x98\xd7\xa8", R_DIAMETER },			/* בקוטר */
	{ "\xc4\x91\xc6\xb0\xe1\xbb\x9dng k\xc3\xadnh", R_DIAMETER },			/* đường kính */
	{ "\xec\xa7\x81\xea\xb2\xbd", R_DIAMETER },					/* 직경 */
	{ "\xec\x99\xb8\xea\xb2\xbd", R_DIAMETER },					/* 외경 */
	{ "\xe5\xa4\x96\xe5\xbe\x84", R_DIAMETER }, { "\xe5\xa4\x96\xe5\xbe\x91", R_DIAMETER },	/* 外径 外徑 */
	{ "\xe7\x9b\xb4\xe5\xbe\x84", R_DIAMETER }, { "\xe7\x9b\xb4\xe5\xbe\x91", R_DIAMETER },	/* 直径 直徑 */
	{ "\xe0\xa4\xb5\xe0\xa5\x8d\xe0\xa4\xaf\xe0\xa4\xbe\xe0\xa4\xb8", R_DIAMETER },	/* व्यास */
	/* inside diameter, bore, chamber */
	{ "id", R_INNER_DIAMETER }, { "i.d", R_INNER_DIAMETER },
	{ "inner diameter", R_INNER_DIAMETER }, { "inner dia", R_INNER_DIAMETER },
	{ "inside diameter", R_INNER_DIAMETER }, { "internal diameter", R_INNER_DIAMETER },
	{ "bore", R_INNER_DIAMETER }, { "bore diameter", R_INNER_DIAMETER },
	{ "chamber diameter", R_INNER_DIAMETER }, { "innendurchmesser", R_INNER_DIAMETER },
	{ "diam\xc3\xa8tre int\xc3\xa9rieur", R_INNER_DIAMETER },
	{ "di\xc3\xa1metro interior", R_INNER_DIAMETER },
	{ "di\xc3\xa2metro interno", R_INNER_DIAMETER },
	{ "diametro interno", R_INNER_DIAMETER },
	{ "binnendiameter", R_INNER_DIAMETER }, { "diameter dalam", R_INNER_DIAMETER },
	{ "\xd0\xb2\xd0\xbd\xd1\x83\xd1\x82\xd1\x80\xd0\xb5\xd0\xbd\xd0\xbd\xd0\xb8\xd0\xb9 \xd0\xb4\xd0\xb8\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", R_INNER_DIAMETER },	/* внутренний диаметр */
	{ "\xd0\xb2\xd0\xbd\xd1\x83\xd1\x82\xd1\x80\xd1\x96\xd1\x88\xd0\xbd\xd1\x96\xd0\xb9 \xd0\xb4\xd1\x96\xd0\xb0\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", R_INNER_DIAMETER },	/* внутрішній діаметр */
	{ "\xc5\x9brednica wewn\xc4\x99trzna", R_INNER_DIAMETER },
	{ "wewn\xc4\x99trzna", R_INNER_DIAMETER },
	{ "vnit\xc5\x99n\xc3\xad pr\xc5\xaf" "m\xc4\x9br", R_INNER_DIAMETER },		/* vnitřní průměr */
	{ "i\xc3\xa7 \xc3\xa7" "ap", R_INNER_DIAMETER },				/* iç çap */
	{ "\xce\xb5\xcf\x83\xcf\x89\xcf\x84\xce\xb5\xcf\x81\xce\xb9\xce\xba\xce\xae \xce\xb4\xce\xb9\xce\xac\xce\xbc\xce\xb5\xcf\x84\xcf\x81\xce\xbf\xcf\x82", R_INNER_DIAMETER },	/* εσωτερική διάμετρος */
	{ "\xd9\x82\xd8\xb7\xd8\xb1 \xd8\xaf\xd8\xa7\xd8\xae\xd9\x84\xdb\x8c", R_INNER_DIAMETER },	/* قطر داخلی */
	{ "\xd9\x82\xd8\xb7\xd8\xb1 \xd8\xaf\xd8\xa7\xd8\xae\xd9\x84\xd9\x8a", R_INNER_DIAMETER },	/* قطر داخلي */
	{ "\xd7\xa7\xd7\x95\xd7\x98\xd7\xa8 \xd7\xa4\xd7\xa0\xd7\x99\xd7\x9e\xd7\x99", R_INNER_DIAMETER },	/* קוטר פנימי */
	{ "\xe5\x86\x85\xe5\xbe\x84", R_INNER_DIAMETER }, { "\xe5\x85\xa7\xe5\xbe\x91", R_INNER_DIAMETER },	/* 内径 內徑 */
	{ "\xeb\x82\xb4\xea\xb2\xbd", R_INNER_DIAMETER },				/* 내경 */
	{ "\xc4\x91\xc6\xb0\xe1\xbb\x9dng k\xc3\xadnh trong", R_INNER_DIAMETER },	/* đường kính trong */
	{ "innerdiameter", R_INNER_DIAMETER },
	{ "inre diameter", R_INNER_DIAMETER },
	{ "\xe0\xa4\x86\xe0\xa4\x82\xe0\xa4\xa4\xe0\xa4\xb0\xe0\xa4\xbf\xe0\xa4\x95 \xe0\xa4\xb5\xe0\xa5\x8d\xe0\xa4\xaf\xe0\xa4\xbe\xe0\xa4\xb8", R_INNER_DIAMETER },	/* आंतरिक व्यास */
	{ "\xe0\xa4\xad\xe0\xa5\x80\xe0\xa4\xa4\xe0\xa4\xb0\xe0\xa5\x80 \xe0\xa4\xb5\xe0\xa5\x8d\xe0\xa4\xaf\xe0\xa4\xbe\xe0\xa4\xb8", R_INNER_DIAMETER },	/* भीतरी व्यास */
	/* wall or plate thickness */
	{ "wall", R_THICKNESS }, { "thickness", R_THICKNESS }, { "thk", R_THICKNESS },
	{ "wandst\xc3\xa4rke", R_THICKNESS }, { "dicke", R_THICKNESS },
	{ "\xc3\xa9paisseur", R_THICKNESS }, { "espesor", R_THICKNESS },
	{ "espessura", R_THICKNESS }, { "spessore", R_THICKNESS },
	{ "grubo\xc5\x9b\xc4\x87", R_THICKNESS }, { "kal\xc4\xb1nl\xc4\xb1k", R_THICKNESS },
	{ "\xd1\x82\xd0\xbe\xd0\xbb\xd1\x89\xd0\xb8\xd0\xbd\xd0\xb0", R_THICKNESS },	/* толщина */
	{ "\xd1\x82\xd0\xbe\xd0\xb2\xd1\x89\xd0\xb8\xd0\xbd\xd0\xb0", R_THICKNESS },	/* товщина */
	{ "\xe5\xa3\x81\xe5\x8e\x9a", R_THICKNESS }, { "\xe5\x8e\x9a\xe5\xba\xa6", R_THICKNESS },	/* 壁厚 厚度 */
	{ "\xe6\x9d\xbf\xe5\x8e\x9a", R_THICKNESS },					/* 板厚 */
	{ "\xcf\x80\xce\xac\xcf\x87\xce\xbf\xcf\x82", R_THICKNESS },	/* πάχος */
	{ "\xd7\xa2\xd7\x95\xd7\x91\xd7\x99", R_THICKNESS },	/* עובי */
	{ "\xe0\xa4\xae\xe0\xa5\x8b\xe0\xa4\x9f\xe0\xa4\xbe\xe0\xa4\x88", R_THICKNESS },	/* मोटाई */
	{ "\xc4\x91\xe1\xbb\x99 d\xc3\xa0y", R_THICKNESS },	/* độ dày */
	{ "ketebalan", R_THICKNESS },
	{ "tebal", R_THICKNESS },
	{ "tlou\xc5\xa1\xc5\xa5ka", R_THICKNESS },	/* tloušťka */
	{ "tjocklek", R_THICKNESS },
	{ "godstjocklek", R_THICKNESS },
	{ "v\xc3\xa4ggtjocklek", R_THICKNESS },	/* väggtjocklek */
	/* ultimate tensile strength */
	{ "uts", R_TENSILE_STRENGTH }, { "tensile strength", R_TENSILE_STRENGTH },
	{ "tensile", R_TENSILE_STRENGTH }, { "rm", R_TENSILE_STRENGTH },
	{ "\xcf\x83\xd0\xb2", R_TENSILE_STRENGTH }, { "\xcf\x83" "b", R_TENSILE_STRENGTH },	/* σв σb */
	{ "zugfestigkeit", R_TENSILE_STRENGTH },
	{ "r\xc3\xa9sistance \xc3\xa0 la traction", R_TENSILE_STRENGTH },
	{ "resistencia a la tracci\xc3\xb3n", R_TENSILE_STRENGTH },
	{ "resist\xc3\xaancia \xc3\xa0 tra\xc3\xa7\xc3\xa3o", R_TENSILE_STRENGTH },
	{ "resistenza a trazione", R_TENSILE_STRENGTH },
	{ "treksterkte", R_TENSILE_STRENGTH }, { "wytrzyma\xc5\x82o\xc5\x9b\xc4\x87", R_TENSILE_STRENGTH },
	{ "\xc3\xa7" "ekme dayan\xc4\xb1m\xc4\xb1", R_TENSILE_STRENGTH },
	{ "pevnost v tahu", R_TENSILE_STRENGTH }, { "draghallfasthet", R_TENSILE_STRENGTH },
	{ "\xd0\xbf\xd1\x80\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb \xd0\xbf\xd1\x80\xd0\xbe\xd1\x87\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8", R_TENSILE_STRENGTH },	/* предел прочности */
	{ "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x87\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd1\x8c", R_TENSILE_STRENGTH },	/* прочность */
	{ "\xd0\xbc\xd1\x96\xd1\x86\xd0\xbd\xd1\x96\xd1\x81\xd1\x82\xd1\x8c", R_TENSILE_STRENGTH },	/* міцність */
	{ "\xce\xb1\xce\xbd\xcf\x84\xce\xbf\xcf\x87\xce\xae", R_TENSILE_STRENGTH },	/* αντοχή */
	{ "\xd9\x85\xd9\x82\xd8\xa7\xd9\x88\xd9\x85\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb4\xd8\xaf", R_TENSILE_STRENGTH },	/* مقاومة الشد */
	{ "\xd8\xa7\xd8\xb3\xd8\xaa\xd8\xad\xda\xa9\xd8\xa7\xd9\x85 \xda\xa9\xd8\xb4\xd8\xb4\xdb\x8c", R_TENSILE_STRENGTH },	/* استحکام کششی */
	{ "\xd7\x97\xd7\x95\xd7\x96\xd7\xa7 \xd7\x9e\xd7\xaa\xd7\x99\xd7\x97\xd7\x94", R_TENSILE_STRENGTH },	/* חוזק מתיחה */
	{ "\xe0\xa4\xa4\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xaf \xe0\xa4\xb6\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa4\xbf", R_TENSILE_STRENGTH },	/* तन्य शक्ति */
	{ "\xe6\x8a\x97\xe6\x8b\x89\xe5\xbc\xba\xe5\xba\xa6", R_TENSILE_STRENGTH },	/* 抗拉强度 */
	{ "\xe6\x8a\x97\xe6\x8b\x89\xe5\xbc\xb7\xe5\xba\xa6", R_TENSILE_STRENGTH },	/* 抗拉強度 */
	{ "\xe6\x8b\x89\xe4\xbc\xb8\xe5\xbc\xba\xe5\xba\xa6", R_TENSILE_STRENGTH },	/* 拉伸强度 */
	{ "\xe5\xbc\x95\xe5\xbc\xb5\xe5\xbc\xb7\xe3\x81\x95", R_TENSILE_STRENGTH },	/* 引張強さ */
	{ "\xec\x9d\xb8\xec\x9e\xa5\xea\xb0\x95\xeb\x8f\x84", R_TENSILE_STRENGTH },	/* 인장강도 */
	{ "\xc4\x91\xe1\xbb\x99 b\xe1\xbb\x81n k\xc3\xa9o", R_TENSILE_STRENGTH },	/* độ bền kéo */
	{ "kuat tarik", R_TENSILE_STRENGTH }, { "kekuatan tarik", R_TENSILE_STRENGTH },
	{ "dragh\xc3\xa5llfasthet", R_TENSILE_STRENGTH },	/* draghållfasthet */
	/* bias of a sensor */
	{ "bias", R_BIAS }, { "bias stability", R_BIAS }, { "offset", R_BIAS },
	{ "zero-g offset", R_BIAS }, { "bias instability", R_BIAS },
	{ "nullpunktstabilit\xc3\xa4t", R_BIAS }, { "biais", R_BIAS },
	{ "\xd1\x81\xd1\x82\xd0\xb0\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd1\x8c \xd1\x81\xd0\xbc\xd0\xb5\xd1\x89\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f", R_BIAS },	/* стабильность смещения */
	{ "\xd1\x81\xd1\x82\xd0\xb0\xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x96\xd1\x81\xd1\x82\xd1\x8c \xd0\xb7\xd0\xbc\xd1\x96\xd1\x89\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f", R_BIAS },	/* стабільність зміщення */
	{ "\xd1\x81\xd0\xbc\xd0\xb5\xd1\x89\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5", R_BIAS },	/* смещение */
	{ "\xd0\xbd\xd0\xb5\xd1\x81\xd1\x82\xd0\xb0\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xbe\xd1\x81\xd1\x82\xd1\x8c \xd0\xbd\xd1\x83\xd0\xbb\xd1\x8f", R_BIAS },	/* нестабильность нуля */
	/* tensile modulus */
	{ "modulus", R_MODULUS }, { "module", R_MODULUS }, { "modul", R_MODULUS },
	{ "e-modul", R_MODULUS }, { "m\xc3\xb3" "dulo", R_MODULUS },
	{ "modulo", R_MODULUS }, { "modu\xc5\x82", R_MODULUS },
	{ "mod\xc3\xbcl\xc3\xbc", R_MODULUS }, { "tensile modulus", R_MODULUS },
	{ "young", R_MODULUS },
	{ "\xd0\xbc\xd0\xbe\xd0\xb4\xd1\x83\xd0\xbb\xd1\x8c", R_MODULUS },		/* модуль */
	{ "\xce\xbc\xce\xad\xcf\x84\xcf\x81\xce\xbf", R_MODULUS },			/* μέτρο */
	{ "\xd9\x85\xd8\xb9\xd8\xa7\xd9\x85\xd9\x84", R_MODULUS },			/* معامل */
	{ "\xd9\x85\xd8\xaf\xd9\x88\xd9\x84", R_MODULUS },				/* مدول */
	{ "\xd7\x9e\xd7\x95\xd7\x93\xd7\x95\xd7\x9c", R_MODULUS },			/* מודול */
	{ "\xe6\xa8\xa1\xe9\x87\x8f", R_MODULUS },					/* 模量 */
	{ "\xe5\xbc\xbe\xe6\x80\xa7\xe7\x8e\x87", R_MODULUS },			/* 弾性率 */
	{ "\xed\x83\x84\xec\x84\xb1\xeb\xa5\xa0", R_MODULUS },			/* 탄성률 */
	{ "\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\x82\xe0\xa4\x95", R_MODULUS },	/* मापांक */
	/* hafnium content (of zirconium): the element's symbol or name */
	{ "hf", R_HAFNIUM },
	{ "hafnium", R_HAFNIUM },
	{ "hafnio", R_HAFNIUM },
	{ "h\xc3\xa1" "fnio", R_HAFNIUM },	/* háfnio */
	{ "hafnu", R_HAFNIUM },
	{ "hafniu", R_HAFNIUM },
	{ "hafniyum", R_HAFNIUM },
	{ "hafni", R_HAFNIUM },
	{ "\xd0\xb3\xd0\xb0\xd1\x84\xd0\xbd\xd0\xb8\xd0\xb9", R_HAFNIUM },	/* гафний */
	{ "\xd0\xb3\xd0\xb0\xd1\x84\xd0\xbd\xd0\xb8\xd1\x8f", R_HAFNIUM },	/* гафния */
	{ "\xd0\xb3\xd0\xb0\xd1\x84\xd0\xbd\xd1\x96\xd1\x8f", R_HAFNIUM },	/* гафнія */
	{ "\xd0\xb3\xd0\xb0\xd1\x84\xd0\xbd\xd1\x96\xd0\xb9", R_HAFNIUM },	/* гафній */
	{ "\xd0\xb3\xd0\xb0\xd1\x84\xd0\xbd\xd0\xb8\xd1\x8e", R_HAFNIUM },	/* гафнию */
	{ "\xce\xac\xcf\x86\xce\xbd\xce\xb9\xce\xbf", R_HAFNIUM },	/* άφνιο */
	{ "\xce\xb1\xcf\x86\xce\xbd\xce\xaf\xce\xbf\xcf\x85", R_HAFNIUM },	/* αφνίου */
	{ "\xd7\x94\xd7\xa4\xd7\xa0\xd7\x99\xd7\x95\xd7\x9d", R_HAFNIUM },	/* הפניום */
	{ "\xe0\xa4\xb9\xe0\xa5\x88\xe0\xa4\xab\xe0\xa5\x8d\xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xaf\xe0\xa4\xae", R_HAFNIUM },	/* हैफ्नियम */
	{ "\xd9\x87\xd8\xa7\xd9\x81\xd9\x86\xdb\x8c\xd9\x88\xd9\x85", R_HAFNIUM },	/* هافنیوم */
	{ "\xd9\x87\xd8\xa7\xd9\x81\xd9\x86\xd9\x8a\xd9\x88\xd9\x85", R_HAFNIUM },	/* هافنيوم */
	{ "\xe9\x93\xaa", R_HAFNIUM },	/* 铪 */
	{ "\xe9\x89\xbf", R_HAFNIUM },	/* 鉿 */
	{ "\xe3\x83\x8f\xe3\x83\x95\xe3\x83\x8b\xe3\x82\xa6\xe3\x83\xa0", R_HAFNIUM },	/* ハフニウム */
	{ "\xed\x95\x98\xed\x94\x84\xeb\x8a\x84", R_HAFNIUM },	/* 하프늄 */
	{ "hf content", R_HAFNIUM },
	{ "hafnium content", R_HAFNIUM },
	{ "hf-gehalt", R_HAFNIUM },
	{ "hafniumgehalt", R_HAFNIUM },
	{ "teneur en hafnium", R_HAFNIUM },
	{ "contenido de hafnio", R_HAFNIUM },
	{ "\xd1\x81\xd0\xbe\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5 \xd0\xb3\xd0\xb0\xd1\x84\xd0\xbd\xd0\xb8\xd1\x8f", R_HAFNIUM },	/* содержание гафния */
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

enum prole
param_role(const char *name)
{
	int i;

	for (i = 1; i < R_COUNT_; i++)
		if (strcmp(rnames[i], name) == 0)
			return (enum prole)i;
	return R_NONE;
}

const char *
param_role_name(enum prole r)
{
	return rnames[r];
}

bool
param_compatible(enum quantity rule_q, enum quantity unit_q)
{
	if (rule_q == unit_q)
		return true;
	return (rule_q == Q_SPEC_MODULUS || rule_q == Q_SPEC_STRENGTH) &&
	    unit_q == Q_LENGTH;
}

/*
 * Decodes one UTF-8 character at <s>; returns its length (1 for a stray
 * byte, whose code point is then the byte).
 */
static size_t
u8_decode(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, k;

	if (len == 0) {
		*cp = 0;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		n = 2;
		*cp = u[0] & 0x1f;
	} else if ((u[0] & 0xf0) == 0xe0) {
		n = 3;
		*cp = u[0] & 0x0f;
	} else if ((u[0] & 0xf8) == 0xf0) {
		n = 4;
		*cp = u[0] & 0x07;
	} else {
		*cp = u[0];
		return 1;
	}
	if (n > len) {
		*cp = u[0];
		return 1;
	}
	for (k = 1; k < n; k++) {
		if ((u[k] & 0xc0) != 0x80) {
			*cp = u[0];
			return 1;
		}
		*cp = (*cp << 6) | (u[k] & 0x3f);
	}
	return n;
}

/* Start of the character that ends just before <at>. */
static size_t
u8_prev(const char *s, size_t at)
{
	size_t i = at;

	while (i > 0 && at - i < 4) {
		i--;
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			break;
	}
	return i;
}

/*
 * A letter of an alphabet written with spaces between words (Latin, Greek,
 * Cyrillic, Hebrew, Arabic, Devanagari); CJK is not, since numbers and
 * units stand between its characters.  The diameter signs are not letters.
 */
static bool
cp_is_letter(unsigned cp)
{
	if (cp < 0x80)
		return isalpha((int)cp) != 0;
	if (cp == 0xd8 || cp == 0xf8 || cp == 0x3a6 || cp == 0x3c6 ||
	    cp == 0xd7 || cp == 0xf7)
		return false;
	return (cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x370 && cp <= 0x3ff) ||
	    (cp >= 0x400 && cp <= 0x52f) || (cp >= 0x5d0 && cp <= 0x5ea) ||
	    (cp >= 0x620 && cp <= 0x64a) || (cp >= 0x671 && cp <= 0x6d3) ||
	    (cp >= 0x6fa && cp <= 0x6ff) || (cp >= 0x900 && cp <= 0x963) ||
	    (cp >= 0x1e00 && cp <= 0x1eff);
}

static bool
letter_at(const char *s, size_t len)
{
	unsigned cp;

	if (len == 0)
		return false;
	u8_decode(s, len, &cp);
	return cp_is_letter(cp);
}

/* Lowercase of Latin, Greek and Cyrillic capitals (same UTF-8 length). */
static unsigned
cp_lower(unsigned cp)
{
	if (cp < 0x80)
		return (unsigned)tolower((int)cp);
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 0x20;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177))
		return cp | 1;
	if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e)) &&
	    (cp & 1))
		return cp + 1;
	if (cp >= 0x391 && cp <= 0x3a9 && cp != 0x3a2)
		return cp + 0x20;
	if (cp >= 0x386 && cp <= 0x38f) {
		static const unsigned acc[] = { 0x3ac, 0, 0x3ad, 0x3ae, 0x3af,
			0, 0x3cc, 0, 0x3cd, 0x3ce };
		return acc[cp - 0x386] ? acc[cp - 0x386] : cp;
	}
	if (cp >= 0x410 && cp <= 0x42f)
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40f)
		return cp + 0x50;
	return cp;
}

static size_t
u8_encode(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * The bytes a text holds, as a set: a table word whose first byte the
 * text lacks is passed at one test (the cue and comparison tables hold
 * hundreds of words in many scripts, and a text a few of their letters).
 */
struct byteset {
	uint64_t	bits[4];
};

static void
bytes_in(const char *s, size_t len, struct byteset *b)
{
	size_t i;

	memset(b, 0, sizeof(*b));
	for (i = 0; i < len; i++)
		b->bits[(unsigned char)s[i] >> 6] |=
		    1ULL << ((unsigned char)s[i] & 63);
}

static bool
byte_in(const struct byteset *b, char c)
{
	return (b->bits[(unsigned char)c >> 6] >> ((unsigned char)c & 63)) & 1;
}

/*
 * Lowercases <len> bytes into <out> (same length: every case pair we fold
 * has the same UTF-8 length); <out> has room for len + 1.
 */
static void
lower_copy(const char *s, size_t len, char *out)
{
	size_t i = 0, n, o = 0;
	unsigned cp;
	char tmp[4];

	while (i < len) {
		n = u8_decode(s + i, len - i, &cp);
		if (n == 1)
			out[o] = (char)tolower((unsigned char)s[i]);
		else if (u8_encode(cp_lower(cp), tmp) != n)
			memcpy(out + o, s + i, n);
		else
			memcpy(out + o, tmp, n);
		o += n;
		i += n;
	}
	out[o] = '\0';
}

/* True if the unit at <s> ("in") is followed by what ends a dimension. */
static bool
inch_word_ok(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == ' ')
		i++;
	if (i == len || !letter_at(s + i, len - i))
		return true;
	/* "4 in x 12 ft" */
	return (s[i] == 'x' || s[i] == 'X') && (i + 1 == len ||
	    s[i + 1] == ' ' || isdigit((unsigned char)s[i + 1]));
}

/*
 * Looks up the unit that starts at <s>: the longest table name that matches
 * and is followed by a character that cannot continue it.  Sets *ulen.
 */
/*
 * Whether the lowercase word <w> (<wl> bytes) starts <s>, whose first <ll>
 * bytes are lowered in <low>, as a whole word: what follows cannot continue
 * it (a word of a script written without spaces may be followed by more).
 */
static bool
word_starts(const char *s, size_t len, const char *low, size_t ll,
    const char *w, size_t wl)
{
	if (wl > ll || w[0] != low[0] || memcmp(low, w, wl) != 0)
		return false;
	if (wl < len && (isalnum((unsigned char)s[wl]) || letter_at(s + wl,
	    len - wl)) && (isalnum((unsigned char)w[wl - 1]) ||
	    letter_at(w + u8_prev(w, wl), wl - u8_prev(w, wl))))
		return false;
	return true;
}

/* Lowers up to 64 bytes of <s> (whole characters) into <low>; the count. */
static size_t
lower_head(const char *s, size_t len, char *low)
{
	size_t ll = len < 64 ? len : 64;

	while (ll > 0 && ll < len && ((unsigned char)s[ll] & 0xc0) == 0x80)
		ll--;
	lower_copy(s, ll, low);
	return ll;
}

/*
 * The longest unit word (param_words.c) longer than <minlen> bytes that
 * starts <s>, ignoring case: its length, and *found; or 0.
 */
static size_t
unit_word_at(const char *s, size_t len, size_t minlen,
    const struct param_unit **found)
{
	char low[72];
	size_t ll, k, wl, best = 0;

	if ((ll = lower_head(s, len, low)) == 0)
		return 0;
	for (k = 0; k < param_unit_words_n; k++) {
		if (param_unit_words[k].name[0] != low[0])
			continue;
		wl = strlen(param_unit_words[k].name);
		if (wl <= minlen || wl <= best || !word_starts(s, len, low, ll,
		    param_unit_words[k].name, wl))
			continue;
		best = wl;
		*found = &param_unit_words[k];
	}
	return best;
}

/*
 * The longest word of <tab> that starts <s>, ignoring case: its length,
 * and *found; or 0.
 */
static size_t
word_at(const char *s, size_t len, const struct param_word *tab, size_t n,
    const struct param_word **found)
{
	char low[72];
	size_t ll, k, wl, best = 0;

	if ((ll = lower_head(s, len, low)) == 0)
		return 0;
	for (k = 0; k < n; k++) {
		if (tab[k].w[0] != low[0])
			continue;
		wl = strlen(tab[k].w);
		if (wl <= best || !word_starts(s, len, low, ll, tab[k].w, wl))
			continue;
		best = wl;
		*found = &tab[k];
	}
	return best;
}

static const struct param_unit *
unit_at(const char *s, size_t len, size_t *ulen)
{
	const struct param_unit *best = NULL;
	const struct param_unit *w;
	size_t i, n, bestn = 0, wn;

	if (len == 0)
		return NULL;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		/* the first byte decides for nearly every unit */
		if (units[i].ci ? tolower((unsigned char)s[0]) !=
		    tolower((unsigned char)units[i].name[0]) :
		    s[0] != units[i].name[0])
			continue;
		n = strlen(units[i].name);
		if (n > len || n <= bestn)
			continue;
		if (units[i].ci ? strncasecmp(s, units[i].name, n) != 0 :
		    strncmp(s, units[i].name, n) != 0)
			continue;
		if (n < len && (isalnum((unsigned char)s[n]) || s[n] == '/' ||
		    letter_at(s + n, len - n)))
			continue;
		if (strcmp(units[i].name, "in") == 0 &&
		    !inch_word_ok(s + n, len - n))
			continue;
		best = &units[i];
		bestn = n;
	}
	/* a unit written out: "Millimeter", "миллиметров", "درصد" */
	if ((wn = unit_word_at(s, len, bestn, &w)) > 0) {
		best = w;
		bestn = wn;
	}
	/* "deg per hour", "degrees per hour" */
	if (len >= 3 && strncasecmp(s, "deg", 3) == 0) {
		const char *p = s + 3;
		const char *end = s + len;

		if (end - p >= 4 && strncasecmp(p, "rees", 4) == 0)
			p += 4;
		if (end - p >= 9 && strncasecmp(p, " per hour", 9) == 0) {
			static const struct param_unit dph = { "deg per hour",
			    Q_DRIFT, 1, true };
			*ulen = (size_t)(p + 9 - s);
			return &dph;
		}
	}
	/* "kg of ice / 24 h", "kg đá/24 giờ": a mass per day, as the mass */
	if (best != NULL && best->q == Q_MASS) {
		const char *p = s + bestn, *end = s + len;
		const char *slash = memchr(p, '/', (size_t)(end - p) < 24 ?
		    (size_t)(end - p) : 24);

		if (slash != NULL && end - slash >= 3 && slash[1] == '2' &&
		    slash[2] == '4' && memchr(p, ',', (size_t)(slash - p)) == NULL) {
			const char *q = slash + 3;

			while (q < end && *q == ' ')
				q++;
			if (q < end && (letter_at(q, (size_t)(end - q)) ||
			    (unsigned char)*q >= 0xe0)) {
				/* skip the hour word */
				while (q < end && *q != ' ' && *q != ',' &&
				    *q != ';' && *q != ')')
					q++;
				*ulen = (size_t)(q - s);
				return best;
			}
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

/* Superscript digit or sign at <s>: its ASCII form, and *n its length. */
static char
superscript_at(const char *s, size_t len, size_t *n)
{
	unsigned cp;

	*n = u8_decode(s, len, &cp);
	if (cp == 0x2070)
		return '0';
	if (cp == 0xb9)
		return '1';
	if (cp == 0xb2)
		return '2';
	if (cp == 0xb3)
		return '3';
	if (cp >= 0x2074 && cp <= 0x2079)
		return (char)('4' + (cp - 0x2074));
	if (cp == 0x207b)
		return '-';
	if (cp == 0x207a)
		return '+';
	return 0;
}

/*
 * The power written right after a 10: "^9", "^-6", "⁹", "⁻⁶".  Returns its
 * length and sets *e, or 0.
 */
static size_t
power_at(const char *s, size_t len, int *e)
{
	size_t i = 0, n, o = 0;
	char buf[8], c;

	if (i < len && s[i] == '^') {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			buf[o++] = s[i++];
		while (i < len && isdigit((unsigned char)s[i]) && o < 4)
			buf[o++] = s[i++];
	} else {
		while (i < len && (c = superscript_at(s + i, len - i, &n)) != 0 &&
		    o < 4) {
			buf[o++] = c;
			i += n;
		}
	}
	if (o == 0 || !isdigit((unsigned char)buf[o - 1]))
		return 0;
	buf[o] = '\0';
	*e = atoi(buf);
	return i;
}

/*
 * An exponent after a mantissa: "E6", "e-9", "x10^6", "×10-6", "·10⁻⁶".
 * Returns its length and sets *e, or 0.
 */
static size_t
exponent_at(const char *s, size_t len, int *e)
{
	size_t i = 0, n;
	char buf[8];
	size_t o = 0;
	char c;

	if (len >= 2 && (s[0] == 'e' || s[0] == 'E')) {
		i = 1;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			buf[o++] = s[i++];
		if (i >= len || !isdigit((unsigned char)s[i]))
			return 0;
		while (i < len && isdigit((unsigned char)s[i]) && o < 4)
			buf[o++] = s[i++];
		if (i < len && (isalnum((unsigned char)s[i])))
			return 0;
		buf[o] = '\0';
		*e = atoi(buf);
		return i;
	}
	while (i < len && s[i] == ' ')
		i++;
	if (i < len && (s[i] == 'x' || s[i] == 'X' || s[i] == '*'))
		i++;
	else if (len - i >= 2 && ((unsigned char)s[i] == 0xc3 &&
	    (unsigned char)s[i + 1] == 0x97))
		i += 2;				/* × */
	else if (len - i >= 2 && ((unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xb7))
		i += 2;				/* · */
	else if (len - i >= 3 && ((unsigned char)s[i] == 0xe2 &&
	    (unsigned char)s[i + 1] == 0x8b && (unsigned char)s[i + 2] == 0x85))
		i += 3;				/* ⋅ */
	else
		return 0;
	while (i < len && s[i] == ' ')
		i++;
	if (len - i < 3 || s[i] != '1' || s[i + 1] != '0')
		return 0;
	i += 2;
	if (i < len && s[i] == '^') {
		i++;
		if (i < len && (s[i] == '-' || s[i] == '+'))
			buf[o++] = s[i++];
		while (i < len && isdigit((unsigned char)s[i]) && o < 4)
			buf[o++] = s[i++];
	} else if (i < len && s[i] == '-' && i + 1 < len &&
	    isdigit((unsigned char)s[i + 1])) {
		buf[o++] = s[i++];
		while (i < len && isdigit((unsigned char)s[i]) && o < 4)
			buf[o++] = s[i++];
	} else {
		while (i < len && (c = superscript_at(s + i, len - i, &n)) != 0 &&
		    o < 4) {
			buf[o++] = c;
			i += n;
		}
	}
	if (o == 0 || (o == 1 && (buf[0] == '-' || buf[0] == '+')))
		return 0;
	buf[o] = '\0';
	*e = atoi(buf);
	return i;
}

/*
 * Parses a number at <s>; returns its length or 0.  Thousands groups are
 * understood ("1 000", "1'000", "1.000.000", "12,500").  A single group
 * after a dot or a comma ("1.200") is ambiguous between a thousands
 * separator (German "1.200 Hz") and a decimal mark: *alt then receives the
 * other reading and *has_alt is set, so that a threshold check can weigh
 * both.  An exponent may follow ("5E-9", "1·10⁻⁶").
 */
static size_t
number_at(const char *s, size_t len, double *v, double *alt, bool *has_alt)
{
	char tmp[64], dec[64];
	size_t i = 0, o = 0, sl, groups = 0, en;
	char sep = 0;
	bool decimals = false;
	int e;

	*has_alt = false;
	while (i < len && isdigit((unsigned char)s[i]) && o < 20)
		tmp[o++] = s[i++];
	if (o == 0)
		return 0;
	/* Thousands groups after 1 to 3 leading digits ("0.025" has none). */
	if (o <= 3 && tmp[0] != '0') {
		for (;;) {
			sl = group_sep(s + i, len - i);
			if (sl == 0 || !three_digits(s + i + sl, len - i - sl))
				break;
			if (sep != 0 && s[i] != sep)
				break;		/* "1.000,5": the comma is decimal */
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
	/*
	 * "1.200": also read as 1.2; but not "12,000": a decimal comma
	 * before three zeros writes no figure anyone states so, while the
	 * thousands comma does (English, Chinese, Japanese, Hindi).
	 */
	if (groups == 1 && !decimals && (sep == '.' || (sep == ',' &&
	    memcmp(tmp + o - 3, "000", 3) != 0))) {
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
	if (o == 2 && memcmp(tmp, "10", 2) == 0 && (en = power_at(s + i,
	    len - i, &e)) > 0 && e > -30 && e < 30) {
		*v = pow(10, e);		/* "10^9", "10⁹" alone */
		*has_alt = false;
		return i + en;
	}
	if ((en = exponent_at(s + i, len - i, &e)) > 0 && e > -30 && e < 30) {
		*v *= pow(10, e);
		*alt *= pow(10, e);
		i += en;
	}
	return i;
}

static double
to_base(const struct param_unit *u, double v)
{
	if (u->q == Q_TEMPERATURE && strcmp(u->name, "K") == 0)
		return v - 273.15;
	return v * u->factor;
}

int
param_parse_value(const char *s, enum quantity *q, double *v)
{
	const struct param_unit *u;
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

/*
 * The text as param_scan reads it: other digits as ASCII digits, the Arabic
 * decimal and thousands separators and percent sign as ASCII, thin and
 * no-break spaces as spaces.  map[i] is the offset in the original of byte
 * i; map[n] is the original length.
 */
struct ptext {
	char	*t;
	size_t	*map;
	size_t	 n;
};

static void
ptext_make(const char *s, size_t len, struct ptext *pt)
{
	size_t i = 0, n;
	unsigned cp;
	char c;

	pt->t = xmalloc(len + 1);
	pt->map = xcalloc(len + 1, sizeof(*pt->map));
	pt->n = 0;
	while (i < len) {
		n = u8_decode(s + i, len - i, &cp);
		c = 0;
		if (cp >= 0x660 && cp <= 0x669)
			c = (char)('0' + (cp - 0x660));
		else if (cp >= 0x6f0 && cp <= 0x6f9)
			c = (char)('0' + (cp - 0x6f0));
		else if (cp >= 0xff10 && cp <= 0xff19)
			c = (char)('0' + (cp - 0xff10));
		else if (cp == 0x66b || cp == 0xff0e)
			c = '.';
		else if (cp == 0x66c || cp == 0xff0c)
			c = ',';
		else if (cp == 0x66a || cp == 0xff05)
			c = '%';
		else if (cp == 0xa0 || cp == 0x2009 || cp == 0x200a ||
		    cp == 0x202f || cp == 0x2007)
			c = ' ';
		if (c != 0 && n > 1) {
			pt->map[pt->n] = i;
			pt->t[pt->n++] = c;
		} else {
			size_t k;

			for (k = 0; k < n; k++) {
				pt->map[pt->n] = i + k;
				pt->t[pt->n++] = s[i + k];
			}
		}
		i += n;
	}
	pt->map[pt->n] = len;
	pt->t[pt->n] = '\0';
}

static void
ptext_free(struct ptext *pt)
{
	free(pt->t);
	pt->t = NULL;
	free(pt->map);
	pt->map = NULL;
}

/*
 * How far before a value its role's cue may start, in bytes (Greek and
 * Cyrillic letters take two, Devanagari three), and how many characters
 * may stand between the cue and the value ("εσωτερική διάμετρος όχι
 * περισσότερο από 1,25 χιλιοστά").
 */
#define ROLE_WINDOW	160
#define ROLE_GAP	40

/* The number of characters in <len> bytes of UTF-8 at <s>. */
static size_t
u8_count(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* True if the comma at <k> of <s> is a decimal comma ("0,72"). */
static bool
decimal_comma(const char *s, size_t len, size_t k)
{
	return k > 0 && k + 1 < len && isdigit((unsigned char)s[k - 1]) &&
	    isdigit((unsigned char)s[k + 1]);
}

/*
 * The role of the value at <at>, from the cue words in the text between
 * <from> (the end of the previous value) and <at>: the cue ending last, then
 * the longest, with only blanks, signs and a few words between it and the
 * value (no comma or semicolon).
 */
static enum prole
role_before(const char *t, size_t from, size_t at)
{
	char low[ROLE_WINDOW + 16];
	struct byteset has;
	size_t ws, wl, i, bestend = 0, bestlen = 0;
	enum prole best = R_NONE;

	ws = at > from + ROLE_WINDOW ? at - ROLE_WINDOW : from;
	while (ws < at && ((unsigned char)t[ws] & 0xc0) == 0x80)
		ws++;
	wl = at - ws;
	lower_copy(t + ws, wl, low);
	bytes_in(low, wl, &has);
	for (i = 0; i < sizeof(cues) / sizeof(cues[0]); i++) {
		const char *w = cues[i].w;
		size_t cl, p, e, k;
		unsigned first;
		bool ok;

		if (!byte_in(&has, w[0]) || (cl = strlen(w)) > wl)
			continue;
		u8_decode(w, cl, &first);
		for (p = 0; p + cl <= wl; p++) {
			/* the next place the cue's first byte is, by memchr */
			const char *at1 = memchr(low + p, w[0], wl - cl + 1 - p);

			if (at1 == NULL)
				break;
			p = (size_t)(at1 - low);
			if (memcmp(low + p, w, cl) != 0)
				continue;
			e = p + cl;
			/*
			 * a word start, unless CJK or a sign; a long cue may
			 * end a compound ("Rohrdurchmesser", "buisdiameter")
			 */
			if (p > 0 && cp_is_letter(first) && cl < 8 &&
			    letter_at(low + u8_prev(low, p), wl - u8_prev(low, p)))
				continue;
			/* short cues are whole words */
			if (cl <= 3 && e < wl && (isalnum((unsigned char)low[e]) ||
			    letter_at(low + e, wl - e)))
				continue;
			ok = true;
			for (k = e; k < wl; k++)
				if ((low[k] == ',' && !decimal_comma(low, wl, k)) ||
				    low[k] == ';')
					ok = false;
			if (!ok || u8_count(low + e, wl - e) > ROLE_GAP)
				continue;
			if (e > bestend || (e == bestend && cl > bestlen)) {
				bestend = e;
				bestlen = cl;
				best = cues[i].role;
			}
		}
	}
	return best;
}

/* US customary units, after which a dot is always a decimal mark. */
static bool
unit_imperial(const struct param_unit *u)
{
	static const char *const names[] = { "in", "inch", "inches", "\"",
		"\xe2\x80\xb3", "ft", "feet", "oz", "lb", "lbs", "psi", "ksi",
		"gal", "fl oz", "cfm", "lbf", "\xe5\x90\x8b", "\xe8\x8b\xb1\xe5\xaf\xb8",
	};
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (strcmp(u->name, names[k]) == 0)
			return true;
	return false;
}

/*
 * True if a value of quantity <q> can be what role <r> names: a diameter
 * or thickness a length, a modulus or strength a stress, a bias an
 * acceleration or a drift, a hafnium content a share.  "T/R module 1.3
 * GHz" names a component, not a modulus of 1.3 GHz.
 */
static bool
role_fits(enum prole r, enum quantity q)
{
	switch (r) {
	case R_DIAMETER:
	case R_INNER_DIAMETER:
	case R_THICKNESS:
		return q == Q_LENGTH;
	case R_TENSILE_STRENGTH:
	case R_MODULUS:
		return q == Q_PRESSURE;
	case R_BIAS:
		return q == Q_ACCELERATION || q == Q_DRIFT;
	case R_HAFNIUM:
		return q == Q_PERCENT;
	default:
		return true;
	}
}

/* Appends a value (and its other reading, if any) to <out>. */
static size_t
emit(struct pvalue *out, size_t count, size_t max, const struct param_unit *u,
    enum prole role, double num, double alt, bool has_alt, size_t off,
    size_t len)
{
	if (!role_fits(role, u->q))
		role = R_NONE;
	if (has_alt && unit_imperial(u)) {
		/* "1.500 in", "95.000 ksi": a dot before inches is decimal */
		num = alt;
		has_alt = false;
	}
	if (count < max) {
		out[count].q = u->q;
		out[count].role = role;
		out[count].cmp = PCMP_EQ;
		out[count].grade = 0;
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

/* Length of a range or list separator at <s> ("-", "to", "…", "/"), or 0. */
static size_t
range_sep(const char *s, size_t len)
{
	static const char *const seps[] = {
		"\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x88\x92",	/* – — − */
		"\xe2\x80\xa6", "...", "..", "\xef\xbd\x9e",	/* … ... .. ～ */
		"\xe3\x80\x9c", "\xc3\x97",			/* 〜 × */
		"to ", "bis ", "\xd0\xb4\xd0\xbe ", "\xc3\xa0 ",	/* до à */
		"\xc2\xb1", "+/-", "+-",			/* ± tolerances */
		"-", "~", "/", "x", "X", "*",
	};
	size_t k, n;

	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		n = strlen(seps[k]);
		if (n <= len && strncasecmp(s, seps[k], n) == 0)
			return n;
	}
	return 0;
}

/* Length of a tolerance sign at <s> ("±", "+/-", "+-"), or 0. */
static size_t
tolerance_sign(const char *s, size_t len)
{
	static const char *const signs[] = { "\xc2\xb1", "+/-", "+-" };
	size_t k, n;

	for (k = 0; k < sizeof(signs) / sizeof(signs[0]); k++) {
		n = strlen(signs[k]);
		if (n <= len && strncmp(s, signs[k], n) == 0)
			return n;
	}
	return 0;
}

/*
 * True if the number at <at> is a tolerance: a tolerance sign before it
 * (blanks allowed) that follows a number or the value read last, "10 ±
 * 0.5 mm", "10 mm +/- 0.5 mm".  The tolerance is no figure of the goods;
 * the nominal value before it is, with the unit written after the
 * tolerance when it has none of its own.  A sign with no figure before it
 * writes a range of its own ("±16 g").
 */
static bool
tolerance_before(const char *t, size_t at, const struct pvalue *last)
{
	size_t k = at, n;

	while (k > 0 && t[k - 1] == ' ')
		k--;
	for (n = 2; n <= 3; n++) {
		if (k < n || tolerance_sign(t + k - n, n) != n)
			continue;
		k -= n;
		while (k > 0 && t[k - 1] == ' ')
			k--;
		return k > 0 && (isdigit((unsigned char)t[k - 1]) ||
		    (last != NULL && last->off + last->len == k));
	}
	return false;
}

/* True if the value may start at <i>: not inside a word or a number. */
static bool
value_start(const char *t, size_t i)
{
	size_t p;
	unsigned cp;

	if (i == 0)
		return true;
	if (isdigit((unsigned char)t[i - 1]) || isalpha((unsigned char)t[i - 1]))
		return false;
	if (t[i - 1] == '.' && i >= 2 && isdigit((unsigned char)t[i - 2]))
		return false;
	p = u8_prev(t, i);
	u8_decode(t + p, i - p, &cp);
	return !cp_is_letter(cp);
}

/*
 * "DN 300", "DN300", "Ду 500" at <i> (a word start): returns the end of the
 * number and sets *v, or 0.
 */
static size_t
dn_at(const char *t, size_t len, size_t i, double *v)
{
	size_t k, n;
	double alt;
	bool has_alt;

	if (i + 2 < len && (t[i] == 'D' || t[i] == 'd') && (t[i + 1] == 'N' ||
	    t[i + 1] == 'n'))
		k = i + 2;
	else if (i + 4 < len && t[i] == '\xd0' &&
	    memcmp(t + i, "\xd0\x94\xd1\x83", 4) == 0)
		k = i + 4;			/* Ду */
	else
		return 0;
	if (i > 0 && (isalnum((unsigned char)t[i - 1]) ||
	    letter_at(t + u8_prev(t, i), i - u8_prev(t, i))))
		return 0;
	while (k < len && (t[k] == ' ' || t[k] == '.'))
		k++;
	if (k >= len || !isdigit((unsigned char)t[k]))
		return 0;
	if ((n = number_at(t + k, len - k, v, &alt, &has_alt)) == 0)
		return 0;
	if (k + n < len && (isalpha((unsigned char)t[k + n])))
		return 0;
	return k + n;
}

/*
 * A denominator "/4" right after a numerator (no spaces), for the inch
 * fractions of pipe and valve sizes: returns the end and sets *den, or 0.
 */
static size_t
fraction_at(const char *t, size_t len, size_t i, double *den)
{
	size_t k = i + 1;
	int d = 0;

	if (i >= len || t[i] != '/' || i == 0 || !isdigit((unsigned char)t[i - 1]))
		return 0;
	while (k < len && isdigit((unsigned char)t[k]) && d < 1000)
		d = d * 10 + (t[k++] - '0');
	if (k == i + 1 || (k < len && (t[k] == '.' || t[k] == ',' ||
	    t[k] == '/')))
		return 0;
	if (d != 2 && d != 4 && d != 8 && d != 16 && d != 32 && d != 64)
		return 0;
	*den = d;
	return k;
}

/*
 * The length-dependent tail of an MPE formula after its base term:
 * " + L/600", "+4.5L/1000)", " + L/1000 )".  Returns its end, or 0.
 */
static size_t
formula_tail(const char *t, size_t len, size_t i)
{
	size_t k = i;

	while (k < len && t[k] == ' ')
		k++;
	if (k >= len || t[k] != '+')
		return 0;
	k++;
	while (k < len && t[k] == ' ')
		k++;
	while (k < len && (isdigit((unsigned char)t[k]) || t[k] == '.' ||
	    t[k] == ','))
		k++;
	if (k < len && (t[k] == '*' || t[k] == 'x'))
		k++;
	if (k >= len || (t[k] != 'L' && t[k] != 'l'))
		return 0;
	k++;
	while (k < len && t[k] == ' ')
		k++;
	if (k >= len || t[k] != '/')
		return 0;
	k++;
	while (k < len && t[k] == ' ')
		k++;
	if (k >= len || !isdigit((unsigned char)t[k]))
		return 0;
	while (k < len && isdigit((unsigned char)t[k]))
		k++;
	while (k < len && t[k] == ' ')
		k++;
	if (k < len && t[k] == ')')
		k++;
	return k;
}

/*
 * True if the mass-looking value at <at> is an acceleration: "±16 g",
 * "+/-40 mg", "bias stability 50 µg", "zero-g offset 40 mg".
 */
static bool
accel_context(const char *t, size_t from, size_t at)
{
	static const char *const acues[] = { "bias", "offset", "stability",
		"zero-g", "acceleration", "shock", "g-range",
		"\xd1\x81\xd1\x82\xd0\xb0\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd",	/* стабильн */
		"\xd1\x81\xd1\x82\xd0\xb0\xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd0\xbd",	/* стабільн */
		"\xd1\x81\xd0\xbc\xd0\xb5\xd1\x89\xd0\xb5\xd0\xbd",			/* смещен */
		"\xd0\xb7\xd0\xbc\xd1\x96\xd1\x89\xd0\xb5\xd0\xbd",			/* зміщен */
		"\xd1\x83\xd1\x81\xd0\xba\xd0\xbe\xd1\x80\xd0\xb5\xd0\xbd",		/* ускорен */
	};
	char low[80];
	size_t ws, wl, k;

	/* a sign just before: ±, +/-, +- */
	k = at;
	while (k > from && t[k - 1] == ' ')
		k--;
	if ((k >= 2 && (unsigned char)t[k - 2] == 0xc2 &&
	    (unsigned char)t[k - 1] == 0xb1) || (k >= 3 &&
	    strncmp(t + k - 3, "+/-", 3) == 0) || (k >= 2 &&
	    strncmp(t + k - 2, "+-", 2) == 0))
		return true;
	ws = at > from + 40 ? at - 40 : from;
	while (ws < at && ((unsigned char)t[ws] & 0xc0) == 0x80)
		ws++;
	wl = at - ws;
	lower_copy(t + ws, wl, low);
	for (k = 0; k < sizeof(acues) / sizeof(acues[0]); k++)
		if (memmem(low, wl, acues[k], strlen(acues[k])) != NULL)
			return true;
	return false;
}

/* The acceleration unit for a mass unit read as one (g, mg, µg). */
static const struct param_unit *
accel_unit(const struct param_unit *u)
{
	static const struct param_unit acc[] = {
		{ "g", Q_ACCELERATION, 1, false },
		{ "mg", Q_ACCELERATION, 1e-3, false },
		{ "ug", Q_ACCELERATION, 1e-6, false },
	};

	if (u->factor == 1e-3)
		return &acc[0];
	if (u->factor == 1e-6)
		return &acc[1];
	return &acc[2];
}

/* Sets the comparison of values <from> to <to> of <out>. */
static void
set_cmp(struct pvalue *out, size_t from, size_t to, enum pcmp c)
{
	for (; from < to; from++)
		out[from].cmp = c;
}

/*
 * Where a word of <tab> ends the text between <from> and <at> (blanks and
 * a colon after it allowed): its start, and *found; or (size_t)-1.  A word
 * that starts with a letter starts a word of the text.
 */
static size_t
word_before(const char *t, size_t from, size_t at, const struct param_word *tab,
    size_t n, const struct param_word **found)
{
	char low[80];
	struct byteset has;
	size_t ws, wl, k, cl, best = (size_t)-1, bestlen = 0;

	while (at > from && (t[at - 1] == ' ' || t[at - 1] == ':'))
		at--;
	ws = at > from + 64 ? at - 64 : from;
	while (ws < at && ((unsigned char)t[ws] & 0xc0) == 0x80)
		ws++;
	wl = at - ws;
	if (wl == 0)
		return best;
	lower_copy(t + ws, wl, low);
	bytes_in(low, wl, &has);
	for (k = 0; k < n; k++) {
		const char *w = tab[k].w;
		unsigned first;

		if (!byte_in(&has, w[0]))
			continue;
		cl = strlen(w);
		if (cl > wl || cl <= bestlen || memcmp(low + wl - cl, w, cl) != 0)
			continue;
		u8_decode(w, cl, &first);
		if (cl < wl && (cp_is_letter(first) || isdigit((unsigned char)w[0])) &&
		    (isalnum((unsigned char)low[wl - cl - 1]) ||
		    letter_at(low + u8_prev(low, wl - cl), wl - cl -
		    u8_prev(low, wl - cl))))
			continue;
		best = ws + wl - cl;
		bestlen = cl;
		*found = &tab[k];
	}
	return best;
}

/* The comparison a negation before or after it turns round. */
static enum pcmp
cmp_flip(enum pcmp c)
{
	switch (c) {
	case PCMP_GT:
		return PCMP_LE;
	case PCMP_GE:
		return PCMP_LT;
	case PCMP_LT:
		return PCMP_GE;
	case PCMP_LE:
		return PCMP_GT;
	default:
		return c;
	}
}

/*
 * The comparison word ending the text between <from> and <at>: its start,
 * and *kind (turned round when a negation stands right before it: "nicht
 * mehr als", "όχι περισσότερο από"); or (size_t)-1.
 */
static size_t
cmp_before(const char *t, size_t from, size_t at, size_t *kind)
{
	const struct param_word *w, *nw;
	size_t k;

	if ((k = word_before(t, from, at, param_cmp_before, param_cmp_before_n,
	    &w)) == (size_t)-1)
		return k;
	*kind = (size_t)w->kind;
	if (word_before(t, from, k, param_cmp_not, param_cmp_not_n, &nw) !=
	    (size_t)-1)
		*kind = (size_t)cmp_flip((enum pcmp)w->kind);
	return k;
}

/*
 * The comparison the text makes for the value at <at> whose unit ends at
 * <end>: a word or sign just before it ("mehr als", "не менее", "≤") or
 * just after its unit ("以上", "이하", "or more", Turkish "'den fazla").
 */
static enum pcmp
cmp_around(const char *t, size_t len, size_t from, size_t at, size_t end)
{
	const struct param_word *w;
	size_t k = end, n;

	if (cmp_before(t, from, at, &n) != (size_t)-1)
		return (enum pcmp)n;
	while (k < len && t[k] == ' ')
		k++;
	if (k < len && t[k] == '\'')
		k++;
	else if (k + 3 <= len && strncmp(t + k, "\xe2\x80\x99", 3) == 0)
		k += 3;				/* ’ */
	while (k < len && t[k] == ' ')
		k++;
	if (k < len && (n = word_at(t + k, len - k, param_cmp_after,
	    param_cmp_after_n, &w)) > 0) {
		enum pcmp c = (enum pcmp)w->kind;

		k += n;
		while (k < len && t[k] == ' ')
			k++;
		if (k < len && word_at(t + k, len - k, param_cmp_not_after,
		    param_cmp_not_after_n, &w) > 0)
			return cmp_flip(c);
		return c;
	}
	return PCMP_EQ;
}

/* How far below a minimum "more than <v>" still reaches it (relative). */
#define PARAM_GT_GAP	0.005

bool
param_meets(const struct pvalue *pv, bool has_min, double min, bool has_max,
    double max)
{
	/*
	 * "More than 64 g/m" against a minimum of 64.1 g/m: a regime's
	 * "greater than 64" is written as a minimum just above the figure,
	 * and goods above 64 may well be above 64.1.
	 */
	if (has_min && pv->cmp == PCMP_GT && pv->v < min &&
	    pv->v >= min * (1 - PARAM_GT_GAP))
		return !has_max || pv->v < max * (1 - 1e-9);
	if (has_min && (pv->v < min * (1 - 1e-9) || (pv->cmp == PCMP_LT &&
	    pv->v <= min * (1 + 1e-9))))
		return false;
	if (has_max && (pv->v > max * (1 + 1e-9) || (pv->cmp == PCMP_GT &&
	    pv->v >= max * (1 - 1e-9))))
		return false;
	return true;
}

/* True if <a> and <b> are the same figure (units converted, so relative). */
static bool
same_figure(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

bool
param_meets_excl(const struct pvalue *pv, bool has_min, double min,
    bool min_excl, bool has_max, double max, bool max_excl)
{
	if (!param_meets(pv, has_min, min, has_max, max))
		return false;
	/*
	 * At an exclusive bound's very figure a plain value is on the wrong
	 * side of it ("1 250 micro-g" is not less than 1 250 micro-g); a text
	 * that gives it as a bound ("more than 90 g", "at least 90 g", "max.
	 * 1 250 micro-g") leaves room beyond it, and meets it (param_meets
	 * has already refused "less than 90 g" and "more than 1 250").
	 */
	if (has_min && min_excl && same_figure(pv->v, min) &&
	    pv->cmp == PCMP_EQ)
		return false;
	if (has_max && max_excl && same_figure(pv->v, max) &&
	    pv->cmp == PCMP_EQ)
		return false;
	return true;
}

/* The state of one param_scan() pass over the folded text. */
/*
 * The decimal mark a text shows in its unambiguous numbers: a point in
 * "5.85" or "12,500,000", a comma in "2,5" or "1.000.000".
 */
enum numconv {
	NUMCONV_UNKNOWN = 0,
	NUMCONV_POINT,
	NUMCONV_COMMA,
};

struct pscan {
	const char		*t;
	size_t			 len;
	enum numconv		 conv;		/* the text's decimal mark */
	struct pvalue		*out;
	size_t			 max;
	size_t			 count;
	size_t			 prev_end;	/* end of the last value read */
};

/* A number read at <at>, <n> bytes long, with its other reading. */
struct pnum {
	size_t			 at;
	size_t			 n;
	double			 num;
	double			 alt;
	bool			 has_alt;
};

/*
 * Appends the value <num> (and <alt>) in <u> spanning <off>..<end>, its role
 * read before <at>; the next value's cue starts at <end>.
 */
static void
scan_take(struct pscan *sc, const struct param_unit *u, size_t at,
    size_t off, double num, double alt, bool has_alt, size_t end)
{
	enum prole role = role_before(sc->t, sc->prev_end, at);

	sc->count = emit(sc->out, sc->count, sc->max, u, role, num, alt,
	    has_alt, off, end - off);
	sc->prev_end = end;
}

/* "DN 300", "Ду 500" at <i>: a nominal bore in millimetres. */
static size_t
scan_nominal_bore(struct pscan *sc, size_t i)
{
	static const struct param_unit dnu = { "mm", Q_LENGTH, 1e-3, false };
	double num;
	size_t k;

	if ((k = dn_at(sc->t, sc->len, i, &num)) == 0 || sc->count >= sc->max)
		return 0;
	sc->count = emit(sc->out, sc->count, sc->max, &dnu, R_INNER_DIAMETER,
	    num, 0, false, i, k - i);
	sc->prev_end = k;
	return k;
}

/* The unit after <j> (one space allowed), or NULL; its length in <ulen>. */
static const struct param_unit *
scan_unit_after(const struct pscan *sc, size_t *j, size_t *ulen)
{
	if (*j < sc->len && sc->t[*j] == ' ')
		(*j)++;
	return unit_at(sc->t + *j, sc->len - *j, ulen);
}

/* "0,7 + L/600 µm", "(3.5 + 4.5L/1000) um": the base term of a formula. */
static size_t
scan_formula(struct pscan *sc, const struct pnum *p)
{
	const struct param_unit *u;
	size_t j, ulen;

	if ((j = formula_tail(sc->t, sc->len, p->at + p->n)) == 0)
		return 0;
	if ((u = scan_unit_after(sc, &j, &ulen)) == NULL)
		return 0;
	scan_take(sc, u, p->at, p->at, p->num, p->alt, p->has_alt, j + ulen);
	return j + ulen;
}

/*
 * The whole number of a mixed fraction whose numerator is at <at> ("1 1/2
 * in", "1-1/2\""): a whole number of one or two digits right before it,
 * apart by one blank or hyphen; sets *start to where it starts.  Or 0.
 */
static double
fraction_whole(const char *t, size_t from, size_t at, size_t *start)
{
	size_t k;
	double w = 0, scale = 1;

	if (at < from + 2 || (t[at - 1] != ' ' && t[at - 1] != '-'))
		return 0;
	for (k = at - 1; k > from && isdigit((unsigned char)t[k - 1]) &&
	    at - k <= 3; k--) {
		w += (t[k - 1] - '0') * scale;
		scale *= 10;
	}
	if (k == at - 1 || at - 1 - k > 2 || (k > 0 && (t[k - 1] == '.' ||
	    t[k - 1] == ',' || isalnum((unsigned char)t[k - 1]))))
		return 0;
	*start = k;
	return w;
}

/*
 * "1/4 in", "3/8\"", "1 1/2 in": a fraction, not a list.  The whole number
 * of a mixed one was read before as a range start ("1-1/2\""): that value
 * is taken back.
 */
static size_t
scan_fraction(struct pscan *sc, const struct pnum *p)
{
	const struct param_unit *u;
	double num2, whole;
	size_t j, ulen, ws = p->at;

	if ((j = fraction_at(sc->t, sc->len, p->at + p->n, &num2)) == 0 ||
	    num2 <= 0 || p->num >= num2)
		return 0;
	if ((u = scan_unit_after(sc, &j, &ulen)) == NULL)
		return 0;
	whole = fraction_whole(sc->t, sc->prev_end, p->at, &ws);
	while (whole > 0 && sc->count > 0 && sc->out[sc->count - 1].off == ws)
		sc->count--;
	scan_take(sc, u, ws, ws, whole + p->num / num2, 0, false, j + ulen);
	return j + ulen;
}

/*
 * "%93 W" (the percent sign written first, Turkish), "yüzde 99,5",
 * "百分之99.9": a per-cent word before the number and no unit after it.
 */
static size_t
scan_percent_before(struct pscan *sc, const struct pnum *p)
{
	static const struct param_unit pct = { "%", Q_PERCENT, 1, true };
	const struct param_word *pw;
	const char *t = sc->t;
	size_t k, ulen, i = p->at, n = p->n;

	if (sc->count >= sc->max)
		return 0;
	if ((k = word_before(t, sc->prev_end, i, param_percent_before,
	    param_percent_before_n, &pw)) == (size_t)-1)
		return 0;
	if (t[i - 1] != '%' && unit_at(t + i + n, sc->len - i - n, &ulen) !=
	    NULL)
		return 0;
	scan_take(sc, &pct, k, k, p->num, p->alt, p->has_alt, i + n);
	return i + n;
}

/*
 * A number with no unit of its own that opens a range or list "600 to 2000
 * Hz", "0,7–1,5 kHz", "650/520/475 mm": this end takes the unit of the last,
 * which is scanned next.  Returns where scanning goes on.
 */
static size_t
scan_range_start(struct pscan *sc, const struct pnum *p)
{
	const struct param_unit *u = NULL;
	const char *t = sc->t;
	size_t len = sc->len, kk = p->at + p->n, j = 0, n2, sl, ulen = 0, kind;
	size_t hop = 0, c0 = sc->count;
	double num2, alt2;
	bool has_alt2;

	for (;;) {
		while (kk < len && t[kk] == ' ')
			kk++;
		if ((sl = range_sep(t + kk, len - kk)) == 0)
			break;
		kk += sl;
		while (kk < len && t[kk] == ' ')
			kk++;
		if ((n2 = number_at(t + kk, len - kk, &num2, &alt2,
		    &has_alt2)) == 0)
			break;
		j = kk + n2;
		if ((u = scan_unit_after(sc, &j, &ulen)) != NULL)
			break;
		kk += n2;
		if (++hop > 4)
			break;
	}
	if (u == NULL)
		return p->at + p->n;
	sc->count = emit(sc->out, sc->count, sc->max, u,
	    role_before(t, sc->prev_end, p->at), p->num, p->alt, p->has_alt,
	    p->at, j + ulen - p->at);
	if (cmp_before(t, sc->prev_end, p->at, &kind) != (size_t)-1)
		set_cmp(sc->out, c0, sc->count, (enum pcmp)kind);
	return p->at + p->n;
}

/*
 * A value given again in other units in brackets right after another
 * ("above 1 123 K (850 °C)", "over 3/8 in (10 mm)") is compared as that one
 * is: values <c0> onwards take the comparison of the value before them.
 */
static void
paren_cmp(struct pscan *sc, size_t c0)
{
	const struct param_word *pw;
	const char *t = sc->t;
	size_t k;

	if (c0 >= sc->count || c0 >= sc->max || sc->out[c0].cmp != PCMP_EQ)
		return;
	k = sc->out[c0].off;
	while (k > 0 && t[k - 1] == ' ')
		k--;
	if (k == 0 || (t[k - 1] != '(' && t[k - 1] != '['))
		return;
	k--;
	while (k > 0 && t[k - 1] == ' ')
		k--;
	/* The value before the bracket, read or not ("1 123 K"). */
	if (c0 > 0 && sc->out[c0 - 1].off + sc->out[c0 - 1].len == k) {
		if (sc->out[c0 - 1].q == sc->out[c0].q)
			set_cmp(sc->out, c0, sc->count, sc->out[c0 - 1].cmp);
		return;
	}
	while (k > 0 && t[k - 1] != ' ' && !isdigit((unsigned char)t[k - 1]))
		k--;				/* its unit */
	while (k > 0 && t[k - 1] == ' ')
		k--;
	if (k == 0 || !isdigit((unsigned char)t[k - 1]))
		return;
	while (k > 0 && (isdigit((unsigned char)t[k - 1]) || t[k - 1] == ' ' ||
	    t[k - 1] == '.' || t[k - 1] == ','))
		k--;				/* its number */
	if (word_before(t, 0, k, param_cmp_before, param_cmp_before_n,
	    &pw) != (size_t)-1)
		set_cmp(sc->out, c0, sc->count, (enum pcmp)pw->kind);
}

/* A number and its unit ("5 mm", "5-mm"), or a range start without one. */
static size_t
scan_value(struct pscan *sc, const struct pnum *p)
{
	const struct param_unit *u;
	const char *t = sc->t;
	size_t j = p->at + p->n, ulen, c0 = sc->count, from = sc->prev_end;
	bool spaced = false;

	if (j < sc->len && (t[j] == ' ' || t[j] == '-')) {
		spaced = t[j] == ' ';
		j++;
	}
	u = unit_at(t + j, sc->len - j, &ulen);
	if (u != NULL && spaced && (t[j] == '"' ||
	    strncmp(t + j, "\xe2\x80\xb3", 3) == 0))
		u = NULL;		/* 5 "..." is no inch */
	if (u == NULL)
		return scan_range_start(sc, p);
	if (u->q == Q_MASS && u->factor <= 1e-3 &&
	    accel_context(t, sc->prev_end, p->at))
		u = accel_unit(u);
	scan_take(sc, u, p->at, p->at, p->num, p->alt, p->has_alt, j + ulen);
	set_cmp(sc->out, c0, sc->count, cmp_around(t, sc->len, from, p->at,
	    j + ulen));
	paren_cmp(sc, c0);
	return j + ulen;
}

/*
 * What the separator at <t>[<i>] (a point or comma between digits) shows:
 * a decimal mark when one or two digits, or more than three, follow it
 * ("5.85", "2,5", "0.1234"); a thousands separator when another group of
 * three follows with the same separator ("1.000.000", "12,500,000").  A
 * single group of three says nothing.  Dates, versions and codes with
 * several short groups ("30.11.2026", "3.1.2") are left out.
 */
static enum numconv
sep_shows(const char *t, size_t len, size_t i)
{
	size_t d = i + 1, b = i;
	bool point = t[i] == '.';

	while (d < len && isdigit((unsigned char)t[d]))
		d++;
	while (b > 0 && isdigit((unsigned char)t[b - 1]))
		b--;
	if (b > 0 && (t[b - 1] == '.' || t[b - 1] == ','))
		return NUMCONV_UNKNOWN;		/* not the first separator */
	if (d - i - 1 == 3) {
		if (d + 4 <= len && t[d] == t[i] && three_digits(t + d + 1,
		    len - d - 1))
			return point ? NUMCONV_COMMA : NUMCONV_POINT;
		return NUMCONV_UNKNOWN;
	}
	if (d < len && (t[d] == '.' || t[d] == ',') && d + 1 < len &&
	    isdigit((unsigned char)t[d + 1]))
		return NUMCONV_UNKNOWN;		/* "30.11.2026", "3.1.2" */
	return point ? NUMCONV_POINT : NUMCONV_COMMA;
}

/* The decimal mark the numbers of <t> show, when they agree. */
static enum numconv
text_numconv(const char *t, size_t len)
{
	bool point = false, comma = false;
	size_t i;

	for (i = 1; i + 1 < len; i++) {
		if ((t[i] != '.' && t[i] != ',') ||
		    !isdigit((unsigned char)t[i - 1]) ||
		    !isdigit((unsigned char)t[i + 1]))
			continue;
		switch (sep_shows(t, len, i)) {
		case NUMCONV_POINT:
			point = true;
			break;
		case NUMCONV_COMMA:
			comma = true;
			break;
		case NUMCONV_UNKNOWN:
			break;
		}
	}
	if (point != comma)
		return point ? NUMCONV_POINT : NUMCONV_COMMA;
	return NUMCONV_UNKNOWN;
}

/*
 * True if the unit after number <p> measures an amount of goods (a mass or
 * a volume: "1.000 kg", "2.000 l"), as a declaration states quantities.
 */
static bool
amount_after(const struct pscan *sc, const struct pnum *p)
{
	const struct param_unit *u;
	size_t j = p->at + p->n, ulen;

	u = scan_unit_after(sc, &j, &ulen);
	return u != NULL && (u->q == Q_MASS || u->q == Q_VOLUME);
}

/*
 * Settles the two readings of "1.200" or "1,200" (number_at) by the
 * text's decimal mark: "5.85-6.425 GHz" reads 6.425 GHz only, "2,5 mm
 * ... 1.200 mm" 1200 mm only.  A text that shows none keeps both, except
 * three zeros after a point before a mass or volume: "1.000 kg" is a
 * thousand, as "1,000 kg" is (a quantity declared to the gram is written
 * "1 kg"; the thousands point is how most trade languages write 1000).
 * "1.000 GHz" on a data sheet may be either, and keeps both.
 */
static void
settle_number(const struct pscan *sc, struct pnum *p)
{
	size_t k = p->at;
	char sep;

	if (!p->has_alt)
		return;
	while (k < sc->len && isdigit((unsigned char)sc->t[k]))
		k++;
	sep = k < sc->len ? sc->t[k] : 0;
	if (sc->conv == NUMCONV_UNKNOWN) {
		if (sep == '.' && k + 4 <= sc->len &&
		    memcmp(sc->t + k + 1, "000", 3) == 0 && amount_after(sc, p))
			p->has_alt = false;
		return;
	}
	if ((sep == '.') == (sc->conv == NUMCONV_POINT))
		p->num = p->alt;		/* the separator is decimal */
	p->has_alt = false;
}

/* Reads the value whose number may start at <i>; where scanning goes on. */
static size_t
scan_at(struct pscan *sc, size_t i)
{
	struct pnum p;
	size_t next;

	if ((next = scan_nominal_bore(sc, i)) > 0)
		return next;
	if (!isdigit((unsigned char)sc->t[i]) || !value_start(sc->t, i))
		return i + 1;
	p.at = i;
	if ((p.n = number_at(sc->t + i, sc->len - i, &p.num, &p.alt,
	    &p.has_alt)) == 0)
		return i + 1;
	settle_number(sc, &p);
	if (tolerance_before(sc->t, i, sc->count > 0 ?
	    &sc->out[sc->count - 1] : NULL))
		return i + p.n;		/* "± 0.5 mm" measures no goods */
	if ((next = scan_formula(sc, &p)) > 0 ||
	    (next = scan_fraction(sc, &p)) > 0 ||
	    (next = scan_percent_before(sc, &p)) > 0)
		return next;
	return scan_value(sc, &p);
}

/* Maps the spans of out[from..count) back from <pt> to the caller's bytes. */
static void
scan_unmap(const struct ptext *pt, struct pvalue *out, size_t from,
    size_t count)
{
	size_t k;

	for (k = from; k < count; k++) {
		size_t a = out[k].off, b = out[k].off + out[k].len;

		out[k].off = pt->map[a];
		out[k].len = pt->map[b] - pt->map[a];
	}
}

/* Range ends share the role of the first one ("OD 100-200 mm"). */
static void
scan_share_roles(struct pvalue *out, size_t count)
{
	size_t k;

	for (k = 1; k < count; k++)
		if (out[k].role == R_NONE && out[k].q == out[k - 1].q &&
		    out[k - 1].off + out[k - 1].len >= out[k].off + out[k].len)
			out[k].role = out[k - 1].role;
}

size_t
param_scan(const char *s, size_t len, struct pvalue *out, size_t max)
{
	struct ptext pt;
	struct pscan sc;
	size_t i = 0;

	ptext_make(s, len, &pt);
	sc.t = pt.t;
	sc.len = pt.n;
	sc.out = out;
	sc.max = max;
	sc.count = 0;
	sc.prev_end = 0;
	sc.conv = text_numconv(sc.t, sc.len);
	while (i < sc.len && sc.count < max)
		i = scan_at(&sc, i);
	scan_unmap(&pt, out, 0, sc.count);
	scan_share_roles(out, sc.count);
	ptext_free(&pt);
	return sc.count;
}

size_t
param_derive(struct pvalue *pv, size_t n, size_t max)
{
	const struct pvalue *dens = NULL;
	size_t k, npres = 0, orig = n;
	size_t pidx[2] = { 0, 0 };

	for (k = 0; k < orig; k++) {
		if (pv[k].q == Q_DENSITY && pv[k].v > 0 && dens == NULL)
			dens = &pv[k];
		if (pv[k].q == Q_PRESSURE && pv[k].role == R_NONE) {
			if (npres < 2)
				pidx[npres] = k;
			npres++;
		}
	}
	if (dens == NULL)
		return n;
	for (k = 0; k < orig && n < max; k++) {
		enum quantity dq = Q_NONE;

		if (pv[k].q != Q_PRESSURE)
			continue;
		if (pv[k].role == R_MODULUS)
			dq = Q_SPEC_MODULUS;
		else if (pv[k].role == R_TENSILE_STRENGTH)
			dq = Q_SPEC_STRENGTH;
		else if (npres == 2 && (k == pidx[0] || k == pidx[1])) {
			/*
			 * Two unnamed stresses on a fibre datasheet: the modulus
			 * is the larger by far (tens to hundreds of GPa against
			 * a few GPa of strength).
			 */
			const struct pvalue *o = &pv[k == pidx[0] ? pidx[1] :
			    pidx[0]];

			if (pv[k].v >= 10 * o->v)
				dq = Q_SPEC_MODULUS;
			else if (o->v >= 10 * pv[k].v)
				dq = Q_SPEC_STRENGTH;
		}
		if (dq == Q_NONE)
			continue;
		pv[n] = pv[k];
		pv[n].q = dq;
		pv[n].role = R_NONE;
		pv[n].v = pv[k].v / (dens->v * 9.80665);
		n++;
	}
	return n;
}

/* True if the lowercase word <w> occurs in <low> as a word (or a stem). */
static bool
has_word(const char *low, size_t len, const char *w, bool stem)
{
	size_t wl = strlen(w);
	const char *p = low, *end = low + len;

	while ((p = memmem(p, (size_t)(end - p), w, wl)) != NULL) {
		bool before = p == low || !letter_at(low + u8_prev(low,
		    (size_t)(p - low)), len);
		bool after = stem || p + wl == end || !letter_at(p + wl,
		    (size_t)(end - p - wl));

		if (before && after)
			return true;
		p++;
	}
	return false;
}

enum packing
param_packing(const char *s, size_t len, const struct pvalue *pv, size_t npv)
{
	static const char *const bulk[] = {
		"ibc", "ibcs", "drum", "drums", "barrel", "barrels", "tote",
		"totes", "bulk", "isotank", "iso tank", "iso-tank", "flexitank",
		"tank container", "tanker", "road tanker", "big bag", "big bags",
		"bigbag", "fibc", "jumbo bag", "tonnes", "tons", "metric ton",
		"fass", "f\xc3\xbcsser", "f\xc3\xbbt", "f\xc3\xbbts", "bidon",
		"tambor", "tambores", "bid\xc3\xb3n", "vrac", "granel",
		"\xd0\xb1\xd0\xbe\xd1\x87\xd0\xba",			/* бочк */
		"\xd1\x86\xd0\xb8\xd1\x81\xd1\x82\xd0\xb5\xd1\x80\xd0\xbd",	/* цистерн */
		"\xe5\x90\xa8\xe6\xa1\xb6", "\xe6\xa1\xb6\xe8\xa3\x85",	/* 吨桶 桶装 */
	};
	static const char *const retail[] = {
		"bottle", "bottles", "tube", "tubes", "tablet", "tablets",
		"jar", "jars", "sachet", "sachets", "blister", "retail",
		"consumer", "pharmacy", "aerosol can", "spray can",
	};
	char *low;
	size_t k;
	bool isretail = false;

	for (k = 0; k < npv; k++)
		if ((pv[k].q == Q_MASS && pv[k].v >= 20) ||
		    (pv[k].q == Q_VOLUME && pv[k].v >= 20))
			return PACK_BULK;
	low = xmalloc(len + 1);
	lower_copy(s, len, low);
	for (k = 0; k < sizeof(bulk) / sizeof(bulk[0]); k++)
		if (has_word(low, len, bulk[k], (unsigned char)bulk[k][0] >= 0x80)) {
			free(low);
			return PACK_BULK;
		}
	for (k = 0; k < sizeof(retail) / sizeof(retail[0]) && !isretail; k++)
		if (has_word(low, len, retail[k], false))
			isretail = true;
	free(low);
	return isretail ? PACK_RETAIL : PACK_UNKNOWN;
}
