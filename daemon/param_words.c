/*
 * The words of technical parameters in the trade languages (see
 * param_words.h).  Written from the units' names in each language's
 * standard usage and the comparison phrases of technical specifications
 * and invoices; each language's common inflections are listed (Russian
 * миллиметр/миллиметра/миллиметров), since param.c matches whole words.
 * Words that name other things after a number ("바" is also a wheel count,
 * "초" starts 초과) are left out.
 */
#include "config.h"

#include <stddef.h>

#include "param.h"
#include "param_words.h"

const struct param_word param_cmp_before[] = {
	{ "<", PCMP_LT },
	{ "\xef\xbc\x9c", PCMP_LT },	/* ＜ */
	{ "less than", PCMP_LT },
	{ "less (better) than", PCMP_LT },	/* the Annex's wording */
	{ "below", PCMP_LT },
	{ "under", PCMP_LT },
	{ "lower than", PCMP_LT },
	{ "smaller than", PCMP_LT },
	{ "weniger als", PCMP_LT },
	{ "unter", PCMP_LT },
	{ "unterhalb", PCMP_LT },
	{ "kleiner als", PCMP_LT },
	{ "moins de", PCMP_LT },
	{ "inf\xc3\xa9rieur \xc3\xa0", PCMP_LT },	/* inférieur à */
	{ "inf\xc3\xa9rieure \xc3\xa0", PCMP_LT },	/* inférieure à */
	{ "en dessous de", PCMP_LT },
	{ "menos de", PCMP_LT },
	{ "menor que", PCMP_LT },
	{ "menor de", PCMP_LT },
	{ "inferior a", PCMP_LT },
	{ "meno di", PCMP_LT },
	{ "inferiore a", PCMP_LT },
	{ "sotto", PCMP_LT },
	{ "\xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb5", PCMP_LT },	/* менее */
	{ "\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x8c\xd1\x88\xd0\xb5", PCMP_LT },	/* меньше */
	{ "\xd0\xbd\xd0\xb8\xd0\xb6\xd0\xb5", PCMP_LT },	/* ниже */
	{ "\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x88\xd0\xb5", PCMP_LT },	/* менше */
	{ "\xd0\xbd\xd0\xb8\xd0\xb6\xd1\x87\xd0\xb5", PCMP_LT },	/* нижче */
	{ "poni\xc5\xbc" "ej", PCMP_LT },	/* poniżej */
	{ "mniej ni\xc5\xbc", PCMP_LT },	/* mniej niż */
	{ "mniej niz", PCMP_LT },
	{ "m\xc3\xa9n\xc4\x9b ne\xc5\xbe", PCMP_LT },	/* méně než */
	{ "pod", PCMP_LT },
	{ "minder dan", PCMP_LT },
	{ "kleiner dan", PCMP_LT },
	{ "onder", PCMP_LT },
	{ "mindre \xc3\xa4n", PCMP_LT },	/* mindre än */
	{ "l\xc3\xa4gre \xc3\xa4n", PCMP_LT },	/* lägre än */
	{ "kurang dari", PCMP_LT },
	{ "di bawah", PCMP_LT },
	{ "d\xc6\xb0\xe1\xbb\x9bi", PCMP_LT },	/* dưới */
	{ "\xc3\xadt h\xc6\xa1n", PCMP_LT },	/* ít hơn */
	{ "nh\xe1\xbb\x8f h\xc6\xa1n", PCMP_LT },	/* nhỏ hơn */
	{ "\xce\xbb\xce\xb9\xce\xb3\xcf\x8c\xcf\x84\xce\xb5\xcf\x81\xce\xbf \xce\xb1\xcf\x80\xcf\x8c", PCMP_LT },	/* λιγότερο από */
	{ "\xce\xba\xce\xac\xcf\x84\xcf\x89 \xce\xb1\xcf\x80\xcf\x8c", PCMP_LT },	/* κάτω από */
	{ "\xd7\xa4\xd7\x97\xd7\x95\xd7\xaa \xd7\x9e", PCMP_LT },	/* פחות מ */
	{ "\xd7\xa4\xd7\x97\xd7\x95\xd7\xaa \xd7\x9e-", PCMP_LT },	/* פחות מ- */
	{ "\xd7\x9e\xd7\xaa\xd7\x97\xd7\xaa \xd7\x9c", PCMP_LT },	/* מתחת ל */
	{ "\xda\xa9\xd9\x85\xd8\xaa\xd8\xb1 \xd8\xa7\xd8\xb2", PCMP_LT },	/* کمتر از */
	{ "\xd8\xb2\xdb\x8c\xd8\xb1", PCMP_LT },	/* زیر */
	{ "\xd8\xa3\xd9\x82\xd9\x84 \xd9\x85\xd9\x86", PCMP_LT },	/* أقل من */
	{ "\xd8\xa7\xd9\x82\xd9\x84 \xd9\x85\xd9\x86", PCMP_LT },	/* اقل من */
	{ "\xd8\xaf\xd9\x88\xd9\x86", PCMP_LT },	/* دون */
	{ "\xe5\xb0\x8f\xe4\xba\x8e", PCMP_LT },	/* 小于 */
	{ "\xe4\xbd\x8e\xe4\xba\x8e", PCMP_LT },	/* 低于 */
	{ "\xe5\xb0\x91\xe4\xba\x8e", PCMP_LT },	/* 少于 */
	{ "\xe4\xb8\x8d\xe8\xb6\xb3", PCMP_LT },	/* 不足 */
	{ "\xe6\x9c\xaa\xe6\xba\x80", PCMP_LT },	/* 未満 */
	{ "\xe2\x89\xa4", PCMP_LE },	/* ≤ */
	{ "<=", PCMP_LE },
	{ "\xe2\x89\xa6", PCMP_LE },	/* ≦ */
	{ "up to", PCMP_LE },
	{ "max", PCMP_LE },
	{ "max.", PCMP_LE },
	{ "maximum", PCMP_LE },
	{ "not more than", PCMP_LE },
	{ "not exceeding", PCMP_LE },
	{ "at most", PCMP_LE },
	{ "no more than", PCMP_LE },
	{ "bis", PCMP_LE },
	{ "bis zu", PCMP_LE },
	{ "h\xc3\xb6" "chstens", PCMP_LE },	/* höchstens */
	{ "maximal", PCMP_LE },
	{ "jusqu'\xc3\xa0", PCMP_LE },	/* jusqu'à */
	{ "jusqu\xe2\x80\x99\xc3\xa0", PCMP_LE },	/* jusqu’à */
	{ "au plus", PCMP_LE },
	{ "au maximum", PCMP_LE },
	{ "pas plus de", PCMP_LE },
	{ "hasta", PCMP_LE },
	{ "como m\xc3\xa1ximo", PCMP_LE },	/* como máximo */
	{ "m\xc3\xa1ximo", PCMP_LE },	/* máximo */
	{ "m\xc3\xa1x.", PCMP_LE },	/* máx. */
	{ "fino a", PCMP_LE },
	{ "al massimo", PCMP_LE },
	{ "massimo", PCMP_LE },
	{ "n\xc3\xa3o mais de", PCMP_LE },	/* não mais de */
	{ "at\xc3\xa9", PCMP_LE },	/* até */
	{ "no m\xc3\xa1ximo", PCMP_LE },	/* no máximo */
	{ "\xd0\xbd\xd0\xb5 \xd0\xb1\xd0\xbe\xd0\xbb\xd0\xb5\xd0\xb5", PCMP_LE },	/* не более */
	{ "\xd0\xbd\xd0\xb5 \xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c\xd1\x88\xd0\xb5", PCMP_LE },	/* не больше */
	{ "\xd0\xb4\xd0\xbe", PCMP_LE },	/* до */
	{ "\xd0\xbc\xd0\xb0\xd0\xba\xd1\x81\xd0\xb8\xd0\xbc\xd1\x83\xd0\xbc", PCMP_LE },	/* максимум */
	{ "\xd0\xbd\xd0\xb5 \xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd1\x88\xd0\xb5", PCMP_LE },	/* не більше */
	{ "maks.", PCMP_LE },
	{ "maks", PCMP_LE },
	{ "do", PCMP_LE },
	{ "nie wi\xc4\x99" "cej ni\xc5\xbc", PCMP_LE },	/* nie więcej niż */
	{ "maksymalnie", PCMP_LE },
	{ "a\xc5\xbe", PCMP_LE },	/* až */
	{ "nejv\xc3\xbd\xc5\xa1" "e", PCMP_LE },	/* nejvýše */
	{ "tot", PCMP_LE },
	{ "maximaal", PCMP_LE },
	{ "hoogstens", PCMP_LE },
	{ "h\xc3\xb6gst", PCMP_LE },	/* högst */
	{ "upp till", PCMP_LE },
	{ "en fazla", PCMP_LE },
	{ "maksimum", PCMP_LE },
	{ "hingga", PCMP_LE },
	{ "sampai", PCMP_LE },
	{ "t\xe1\xbb\x91i \xc4\x91" "a", PCMP_LE },	/* tối đa */
	{ "\xc4\x91\xe1\xba\xbfn", PCMP_LE },	/* đến */
	{ "\xce\xad\xcf\x89\xcf\x82", PCMP_LE },	/* έως */
	{ "\xce\xbc\xce\xad\xcf\x87\xcf\x81\xce\xb9", PCMP_LE },	/* μέχρι */
	{ "\xcf\x84\xce\xbf \xcf\x80\xce\xbf\xce\xbb\xcf\x8d", PCMP_LE },	/* το πολύ */
	{ "\xd7\xa2\xd7\x93", PCMP_LE },	/* עד */
	{ "\xd7\x9c\xd7\x9b\xd7\x9c \xd7\x94\xd7\x99\xd7\x95\xd7\xaa\xd7\xa8", PCMP_LE },	/* לכל היותר */
	{ "\xd8\xad\xd8\xaf\xd8\xa7\xda\xa9\xd8\xab\xd8\xb1", PCMP_LE },	/* حداکثر */
	{ "\xd8\xad\xd8\xaa\xd9\x89", PCMP_LE },	/* حتى */
	{ "\xd9\x84\xd8\xa7 \xd9\x8a\xd8\xb2\xd9\x8a\xd8\xaf \xd8\xb9\xd9\x86", PCMP_LE },	/* لا يزيد عن */
	{ "\xd9\x84\xd8\xa7 \xd9\x8a\xd8\xaa\xd8\xac\xd8\xa7\xd9\x88\xd8\xb2", PCMP_LE },	/* لا يتجاوز */
	{ "\xd8\xa8\xd8\xad\xd8\xaf \xd8\xa3\xd9\x82\xd8\xb5\xd9\x89", PCMP_LE },	/* بحد أقصى */
	{ "\xe6\x9c\x80\xe5\xa4\xa7", PCMP_LE },	/* 最大 */
	{ "\xe6\x9c\x80\xe9\xab\x98", PCMP_LE },	/* 最高 */
	{ "\xe4\xb8\x8d\xe8\xb6\x85\xe8\xbf\x87", PCMP_LE },	/* 不超过 */
	{ "\xe4\xb8\x8d\xe5\xa4\xa7\xe4\xba\x8e", PCMP_LE },	/* 不大于 */
	{ "\xe8\x87\xb3\xe5\xa4\x9a", PCMP_LE },	/* 至多 */
	{ "\xe6\x9c\x80\xe5\xa4\x9a", PCMP_LE },	/* 最多 */
	{ "\xec\xb5\x9c\xeb\x8c\x80", PCMP_LE },	/* 최대 */
	{ ">", PCMP_GT },
	{ "\xef\xbc\x9e", PCMP_GT },	/* ＞ */
	{ "more than", PCMP_GT },
	{ "over", PCMP_GT },
	{ "above", PCMP_GT },
	{ "greater than", PCMP_GT },
	{ "exceeding", PCMP_GT },
	{ "in excess of", PCMP_GT },
	{ "mehr als", PCMP_GT },
	{ "\xc3\xbc" "ber", PCMP_GT },	/* über */
	{ "gr\xc3\xb6\xc3\x9f" "er als", PCMP_GT },	/* größer als */
	{ "oberhalb", PCMP_GT },
	{ "plus de", PCMP_GT },
	{ "sup\xc3\xa9rieur \xc3\xa0", PCMP_GT },	/* supérieur à */
	{ "sup\xc3\xa9rieure \xc3\xa0", PCMP_GT },	/* supérieure à */
	{ "au-dessus de", PCMP_GT },
	{ "m\xc3\xa1s de", PCMP_GT },	/* más de */
	{ "mayor que", PCMP_GT },
	{ "mayor de", PCMP_GT },
	{ "superior a", PCMP_GT },
	{ "pi\xc3\xb9 di", PCMP_GT },	/* più di */
	{ "superiore a", PCMP_GT },
	{ "oltre", PCMP_GT },
	{ "mais de", PCMP_GT },
	{ "acima de", PCMP_GT },
	{ "\xd0\xb1\xd0\xbe\xd0\xbb\xd0\xb5\xd0\xb5", PCMP_GT },	/* более */
	{ "\xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c\xd1\x88\xd0\xb5", PCMP_GT },	/* больше */
	{ "\xd1\x81\xd0\xb2\xd1\x8b\xd1\x88\xd0\xb5", PCMP_GT },	/* свыше */
	{ "\xd0\xb2\xd1\x8b\xd1\x88\xd0\xb5", PCMP_GT },	/* выше */
	{ "\xd0\xbf\xd0\xbe\xd0\xbd\xd0\xb0\xd0\xb4", PCMP_GT },	/* понад */
	{ "\xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd1\x88\xd0\xb5", PCMP_GT },	/* більше */
	{ "\xd0\xb2\xd0\xb8\xd1\x89\xd0\xb5", PCMP_GT },	/* вище */
	{ "powy\xc5\xbc" "ej", PCMP_GT },	/* powyżej */
	{ "ponad", PCMP_GT },
	{ "wi\xc4\x99" "cej ni\xc5\xbc", PCMP_GT },	/* więcej niż */
	{ "v\xc3\xad" "ce ne\xc5\xbe", PCMP_GT },	/* více než */
	{ "nad", PCMP_GT },
	{ "meer dan", PCMP_GT },
	{ "groter dan", PCMP_GT },
	{ "boven", PCMP_GT },
	{ "mer \xc3\xa4n", PCMP_GT },	/* mer än */
	{ "\xc3\xb6ver", PCMP_GT },	/* över */
	{ "st\xc3\xb6rre \xc3\xa4n", PCMP_GT },	/* större än */
	{ "lebih dari", PCMP_GT },
	{ "di atas", PCMP_GT },
	{ "tr\xc3\xaan", PCMP_GT },	/* trên */
	{ "h\xc6\xa1n", PCMP_GT },	/* hơn */
	{ "\xcf\x80\xce\xb5\xcf\x81\xce\xb9\xcf\x83\xcf\x83\xcf\x8c\xcf\x84\xce\xb5\xcf\x81\xce\xbf \xce\xb1\xcf\x80\xcf\x8c", PCMP_GT },	/* περισσότερο από */
	{ "\xcf\x80\xce\xac\xce\xbd\xcf\x89 \xce\xb1\xcf\x80\xcf\x8c", PCMP_GT },	/* πάνω από */
	{ "\xce\xac\xce\xbd\xcf\x89 \xcf\x84\xcf\x89\xce\xbd", PCMP_GT },	/* άνω των */
	{ "\xce\xac\xce\xbd\xcf\x89 \xcf\x84\xce\xbf\xcf\x85", PCMP_GT },	/* άνω του */
	{ "\xd7\x99\xd7\x95\xd7\xaa\xd7\xa8 \xd7\x9e", PCMP_GT },	/* יותר מ */
	{ "\xd7\x99\xd7\x95\xd7\xaa\xd7\xa8 \xd7\x9e-", PCMP_GT },	/* יותר מ- */
	{ "\xd7\x9e\xd7\xa2\xd7\x9c", PCMP_GT },	/* מעל */
	{ "\xd8\xa8\xdb\x8c\xd8\xb4 \xd8\xa7\xd8\xb2", PCMP_GT },	/* بیش از */
	{ "\xd8\xa8\xdb\x8c\xd8\xb4\xd8\xaa\xd8\xb1 \xd8\xa7\xd8\xb2", PCMP_GT },	/* بیشتر از */
	{ "\xd8\xa8\xd8\xa7\xd9\x84\xd8\xa7\xdb\x8c", PCMP_GT },	/* بالای */
	{ "\xd8\xa3\xd9\x83\xd8\xab\xd8\xb1 \xd9\x85\xd9\x86", PCMP_GT },	/* أكثر من */
	{ "\xd8\xa7\xd9\x83\xd8\xab\xd8\xb1 \xd9\x85\xd9\x86", PCMP_GT },	/* اكثر من */
	{ "\xd9\x81\xd9\x88\xd9\x82", PCMP_GT },	/* فوق */
	{ "\xd9\x8a\xd8\xb2\xd9\x8a\xd8\xaf \xd8\xb9\xd9\x86", PCMP_GT },	/* يزيد عن */
	{ "\xe5\xa4\xa7\xe4\xba\x8e", PCMP_GT },	/* 大于 */
	{ "\xe8\xb6\x85\xe8\xbf\x87", PCMP_GT },	/* 超过 */
	{ "\xe8\xb6\x85\xe9\x81\x8e", PCMP_GT },	/* 超過 */
	{ "\xe9\xab\x98\xe4\xba\x8e", PCMP_GT },	/* 高于 */
	{ "\xe5\xa4\x9a\xe4\xba\x8e", PCMP_GT },	/* 多于 */
	{ "\xe2\x89\xa5", PCMP_GE },	/* ≥ */
	{ ">=", PCMP_GE },
	{ "\xe2\x89\xa7", PCMP_GE },	/* ≧ */
	{ "at least", PCMP_GE },
	{ "min", PCMP_GE },
	{ "min.", PCMP_GE },
	{ "minimum", PCMP_GE },
	{ "not less than", PCMP_GE },
	{ "no less than", PCMP_GE },
	{ "mindestens", PCMP_GE },
	{ "wenigstens", PCMP_GE },
	{ "au moins", PCMP_GE },
	{ "pas moins de", PCMP_GE },
	{ "al menos", PCMP_GE },
	{ "como m\xc3\xadnimo", PCMP_GE },	/* como mínimo */
	{ "m\xc3\xadnimo", PCMP_GE },	/* mínimo */
	{ "m\xc3\xadn.", PCMP_GE },	/* mín. */
	{ "almeno", PCMP_GE },
	{ "minimo", PCMP_GE },
	{ "non meno di", PCMP_GE },
	{ "pelo menos", PCMP_GE },
	{ "no m\xc3\xadnimo", PCMP_GE },	/* no mínimo */
	{ "\xd0\xbd\xd0\xb5 \xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb5", PCMP_GE },	/* не менее */
	{ "\xd0\xbd\xd0\xb5 \xd0\xbc\xd0\xb5\xd0\xbd\xd1\x8c\xd1\x88\xd0\xb5", PCMP_GE },	/* не меньше */
	{ "\xd0\xbc\xd0\xb8\xd0\xbd\xd0\xb8\xd0\xbc\xd1\x83\xd0\xbc", PCMP_GE },	/* минимум */
	{ "\xd0\xbe\xd1\x82", PCMP_GE },	/* от */
	{ "\xd0\xbd\xd0\xb5 \xd0\xbc\xd0\xb5\xd0\xbd\xd1\x88\xd0\xb5", PCMP_GE },	/* не менше */
	{ "\xd1\x89\xd0\xbe\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x88\xd0\xb5", PCMP_GE },	/* щонайменше */
	{ "co najmniej", PCMP_GE },
	{ "nejm\xc3\xa9n\xc4\x9b", PCMP_GE },	/* nejméně */
	{ "alespo\xc5\x88", PCMP_GE },	/* alespoň */
	{ "minstens", PCMP_GE },
	{ "ten minste", PCMP_GE },
	{ "minst", PCMP_GE },
	{ "\xc3\xa5tminstone", PCMP_GE },	/* åtminstone */
	{ "en az", PCMP_GE },
	{ "asgari", PCMP_GE },
	{ "minimal", PCMP_GE },
	{ "sekurang-kurangnya", PCMP_GE },
	{ "paling sedikit", PCMP_GE },
	{ "\xc3\xadt nh\xe1\xba\xa5t", PCMP_GE },	/* ít nhất */
	{ "t\xe1\xbb\x91i thi\xe1\xbb\x83u", PCMP_GE },	/* tối thiểu */
	{ "\xcf\x84\xce\xbf\xcf\x85\xce\xbb\xce\xac\xcf\x87\xce\xb9\xcf\x83\xcf\x84\xce\xbf\xce\xbd", PCMP_GE },	/* τουλάχιστον */
	{ "\xd7\x9c\xd7\xa4\xd7\x97\xd7\x95\xd7\xaa", PCMP_GE },	/* לפחות */
	{ "\xe0\xa4\x95\xe0\xa4\xae \xe0\xa4\xb8\xe0\xa5\x87 \xe0\xa4\x95\xe0\xa4\xae", PCMP_GE },	/* कम से कम */
	{ "\xd8\xad\xd8\xaf\xd8\xa7\xd9\x82\xd9\x84", PCMP_GE },	/* حداقل */
	{ "\xd8\xaf\xd8\xb3\xd8\xaa \xda\xa9\xd9\x85", PCMP_GE },	/* دست کم */
	{ "\xd8\xb9\xd9\x84\xd9\x89 \xd8\xa7\xd9\x84\xd8\xa3\xd9\x82\xd9\x84", PCMP_GE },	/* على الأقل */
	{ "\xd9\x84\xd8\xa7 \xd9\x8a\xd9\x82\xd9\x84 \xd8\xb9\xd9\x86", PCMP_GE },	/* لا يقل عن */
	{ "\xd8\xa8\xd8\xad\xd8\xaf \xd8\xa3\xd8\xaf\xd9\x86\xd9\x89", PCMP_GE },	/* بحد أدنى */
	{ "\xe8\x87\xb3\xe5\xb0\x91", PCMP_GE },	/* 至少 */
	{ "\xe4\xb8\x8d\xe5\xb0\x91\xe4\xba\x8e", PCMP_GE },	/* 不少于 */
	{ "\xe4\xb8\x8d\xe4\xbd\x8e\xe4\xba\x8e", PCMP_GE },	/* 不低于 */
	{ "\xe4\xb8\x8d\xe5\xb0\x8f\xe4\xba\x8e", PCMP_GE },	/* 不小于 */
	{ "\xe6\x9c\x80\xe4\xbd\x8e", PCMP_GE },	/* 最低 */
	{ "\xec\xb5\x9c\xec\x86\x8c", PCMP_GE },	/* 최소 */
};
const size_t param_cmp_before_n = sizeof(param_cmp_before) / sizeof(param_cmp_before[0]);

const struct param_word param_cmp_after[] = {
	{ "\xe6\x9c\xaa\xe6\xba\x80", PCMP_LT },	/* 未満 */
	{ "\xeb\xaf\xb8\xeb\xa7\x8c", PCMP_LT },	/* 미만 */
	{ "\xe0\xa4\xb8\xe0\xa5\x87 \xe0\xa4\x95\xe0\xa4\xae", PCMP_LT },	/* से कम */
	{ "alt\xc4\xb1nda", PCMP_LT },	/* altında */
	{ "den az", PCMP_LT },
	{ "dan az", PCMP_LT },
	{ "ten az", PCMP_LT },
	{ "tan az", PCMP_LT },
	{ "\xe4\xbb\xa5\xe4\xb8\x8b", PCMP_LE },	/* 以下 */
	{ "\xe4\xbb\xa5\xe5\x86\x85", PCMP_LE },	/* 以内 */
	{ "\xec\x9d\xb4\xed\x95\x98", PCMP_LE },	/* 이하 */
	{ "\xea\xb9\x8c\xec\xa7\x80", PCMP_LE },	/* 까지 */
	{ "\xe0\xa4\xa4\xe0\xa4\x95", PCMP_LE },	/* तक */
	{ "or less", PCMP_LE },
	{ "or below", PCMP_LE },
	{ "und weniger", PCMP_LE },
	{ "ou moins", PCMP_LE },
	{ "o menos", PCMP_LE },
	{ "o meno", PCMP_LE },
	{ "ou menos", PCMP_LE },
	{ "\xd0\xb8 \xd0\xbc\xd0\xb5\xd0\xbd\xd0\xb5\xd0\xb5", PCMP_LE },	/* и менее */
	{ "\xd0\xb8 \xd0\xbd\xd0\xb8\xd0\xb6\xd0\xb5", PCMP_LE },	/* и ниже */
	{ "\xd0\xb0\xd0\xb1\xd0\xbe \xd0\xbc\xd0\xb5\xd0\xbd\xd1\x88\xd0\xb5", PCMP_LE },	/* або менше */
	{ "lub mniej", PCMP_LE },
	{ "nebo m\xc3\xa9n\xc4\x9b", PCMP_LE },	/* nebo méně */
	{ "of minder", PCMP_LE },
	{ "eller mindre", PCMP_LE },
	{ "atau kurang", PCMP_LE },
	{ "tr\xe1\xbb\x9f xu\xe1\xbb\x91ng", PCMP_LE },	/* trở xuống */
	{ "\xce\xae \xce\xbb\xce\xb9\xce\xb3\xcf\x8c\xcf\x84\xce\xb5\xcf\x81\xce\xbf", PCMP_LE },	/* ή λιγότερο */
	{ "\xd7\x90\xd7\x95 \xd7\xa4\xd7\x97\xd7\x95\xd7\xaa", PCMP_LE },	/* או פחות */
	{ "\xdb\x8c\xd8\xa7 \xda\xa9\xd9\x85\xd8\xaa\xd8\xb1", PCMP_LE },	/* یا کمتر */
	{ "\xd8\xa3\xd9\x88 \xd8\xa3\xd9\x82\xd9\x84", PCMP_LE },	/* أو أقل */
	{ "ve alt\xc4\xb1", PCMP_LE },	/* ve altı */
	{ "ve alt\xc4\xb1nda", PCMP_LE },	/* ve altında */
	{ "max", PCMP_LE },
	{ "max.", PCMP_LE },
	{ "maximum", PCMP_LE },
	{ "maks.", PCMP_LE },
	{ "maks", PCMP_LE },
	{ "\xe8\xb6\x85", PCMP_GT },	/* 超 */
	{ "\xec\xb4\x88\xea\xb3\xbc", PCMP_GT },	/* 초과 */
	{ "\xe0\xa4\xb8\xe0\xa5\x87 \xe0\xa4\x85\xe0\xa4\xa7\xe0\xa4\xbf\xe0\xa4\x95", PCMP_GT },	/* से अधिक */
	{ "\xe0\xa4\xb8\xe0\xa5\x87 \xe0\xa4\x9c\xe0\xa5\x8d\xe0\xa4\xaf\xe0\xa4\xbe\xe0\xa4\xa6\xe0\xa4\xbe", PCMP_GT },	/* से ज्यादा */
	{ "\xc3\xbczerinde", PCMP_GT },	/* üzerinde */
	{ "den fazla", PCMP_GT },
	{ "dan fazla", PCMP_GT },
	{ "ten fazla", PCMP_GT },
	{ "tan fazla", PCMP_GT },
	{ "den b\xc3\xbcy\xc3\xbck", PCMP_GT },	/* den büyük */
	{ "dan b\xc3\xbcy\xc3\xbck", PCMP_GT },	/* dan büyük */
	{ "\xe4\xbb\xa5\xe4\xb8\x8a", PCMP_GE },	/* 以上 */
	{ "\xec\x9d\xb4\xec\x83\x81", PCMP_GE },	/* 이상 */
	{ "ve \xc3\xbczeri", PCMP_GE },	/* ve üzeri */
	{ "ve \xc3\xbcst\xc3\xbc", PCMP_GE },	/* ve üstü */
	{ "\xe0\xa4\xaf\xe0\xa4\xbe \xe0\xa4\x85\xe0\xa4\xa7\xe0\xa4\xbf\xe0\xa4\x95", PCMP_GE },	/* या अधिक */
	{ "and above", PCMP_GE },
	{ "and more", PCMP_GE },
	{ "or more", PCMP_GE },
	{ "or higher", PCMP_GE },
	{ "or greater", PCMP_GE },
	{ "und mehr", PCMP_GE },
	{ "und h\xc3\xb6her", PCMP_GE },	/* und höher */
	{ "oder mehr", PCMP_GE },
	{ "ou plus", PCMP_GE },
	{ "o m\xc3\xa1s", PCMP_GE },	/* o más */
	{ "o superior", PCMP_GE },
	{ "o pi\xc3\xb9", PCMP_GE },	/* o più */
	{ "ou mais", PCMP_GE },
	{ "\xd0\xb8 \xd0\xb1\xd0\xbe\xd0\xbb\xd0\xb5\xd0\xb5", PCMP_GE },	/* и более */
	{ "\xd0\xb8 \xd0\xb2\xd1\x8b\xd1\x88\xd0\xb5", PCMP_GE },	/* и выше */
	{ "\xd0\xb8\xd0\xbb\xd0\xb8 \xd0\xb1\xd0\xbe\xd0\xbb\xd0\xb5\xd0\xb5", PCMP_GE },	/* или более */
	{ "\xd1\x96 \xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd1\x88\xd0\xb5", PCMP_GE },	/* і більше */
	{ "\xd0\xb0\xd0\xb1\xd0\xbe \xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd1\x88\xd0\xb5", PCMP_GE },	/* або більше */
	{ "lub wi\xc4\x99" "cej", PCMP_GE },	/* lub więcej */
	{ "i wi\xc4\x99" "cej", PCMP_GE },	/* i więcej */
	{ "a v\xc3\xad" "ce", PCMP_GE },	/* a více */
	{ "nebo v\xc3\xad" "ce", PCMP_GE },	/* nebo více */
	{ "of meer", PCMP_GE },
	{ "en meer", PCMP_GE },
	{ "eller mer", PCMP_GE },
	{ "och mer", PCMP_GE },
	{ "atau lebih", PCMP_GE },
	{ "tr\xe1\xbb\x9f l\xc3\xaan", PCMP_GE },	/* trở lên */
	{ "\xce\xae \xcf\x80\xce\xb5\xcf\x81\xce\xb9\xcf\x83\xcf\x83\xcf\x8c\xcf\x84\xce\xb5\xcf\x81\xce\xbf", PCMP_GE },	/* ή περισσότερο */
	{ "\xd7\x90\xd7\x95 \xd7\x99\xd7\x95\xd7\xaa\xd7\xa8", PCMP_GE },	/* או יותר */
	{ "\xdb\x8c\xd8\xa7 \xd8\xa8\xdb\x8c\xd8\xb4\xd8\xaa\xd8\xb1", PCMP_GE },	/* یا بیشتر */
	{ "\xd9\x88 \xd8\xa8\xdb\x8c\xd8\xb4\xd8\xaa\xd8\xb1", PCMP_GE },	/* و بیشتر */
	{ "\xd8\xa3\xd9\x88 \xd8\xa3\xd9\x83\xd8\xab\xd8\xb1", PCMP_GE },	/* أو أكثر */
	{ "\xd9\x81\xd8\xa3\xd9\x83\xd8\xab\xd8\xb1", PCMP_GE },	/* فأكثر */
	{ "min", PCMP_GE },
	{ "min.", PCMP_GE },
	{ "minimum", PCMP_GE },
	{ "mind.", PCMP_GE },
};
const size_t param_cmp_after_n = sizeof(param_cmp_after) / sizeof(param_cmp_after[0]);

/*
 * A negation just before a comparison word turns it round: "nicht mehr
 * als" is at most, "όχι λιγότερο από" at least.  Hindi puts it after:
 * "से अधिक नहीं".
 */
const struct param_word param_cmp_not[] = {
	{ "not", 0 },
	{ "nicht", 0 },
	{ "no", 0 },
	{ "non", 0 },
	{ "niet", 0 },
	{ "nie", 0 },
	{ "ne", 0 },
	{ "\xd0\xbd\xd0\xb5", 0 },	/* не */
	{ "\xcf\x8c\xcf\x87\xce\xb9", 0 },	/* όχι */
	{ "\xce\xb4\xce\xb5\xce\xbd", 0 },	/* δεν */
	{ "\xd7\x9c\xd7\x90", 0 },	/* לא */
	{ "kh\xc3\xb4ng", 0 },	/* không */
	{ "tidak", 0 },
	{ "ej", 0 },
	{ "inte", 0 },
	{ "nem", 0 },
	{ "nu", 0 },
};
const size_t param_cmp_not_n = sizeof(param_cmp_not) / sizeof(param_cmp_not[0]);

const struct param_word param_cmp_not_after[] = {
	{ "\xe0\xa4\xa8\xe0\xa4\xb9\xe0\xa5\x80\xe0\xa4\x82", 0 },	/* नहीं */
	{ "de\xc4\x9fil", 0 },	/* değil */
};
const size_t param_cmp_not_after_n = sizeof(param_cmp_not_after) /
    sizeof(param_cmp_not_after[0]);

const struct param_word param_percent_before[] = {
	{ "y\xc3\xbczde", Q_PERCENT },	/* yüzde */
	{ "\xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b", Q_PERCENT },	/* 百分之 */
	{ "%", Q_PERCENT },
};
const size_t param_percent_before_n = sizeof(param_percent_before) /
    sizeof(param_percent_before[0]);

const struct param_unit param_unit_words[] = {
	{ "millimetre", Q_LENGTH, 1e-3, true },
	{ "millimetres", Q_LENGTH, 1e-3, true },
	{ "millimeter", Q_LENGTH, 1e-3, true },
	{ "millimeters", Q_LENGTH, 1e-3, true },
	{ "millim\xc3\xa8tre", Q_LENGTH, 1e-3, true },	/* millimètre */
	{ "millim\xc3\xa8tres", Q_LENGTH, 1e-3, true },	/* millimètres */
	{ "mil\xc3\xadmetro", Q_LENGTH, 1e-3, true },	/* milímetro */
	{ "mil\xc3\xadmetros", Q_LENGTH, 1e-3, true },	/* milímetros */
	{ "millimetro", Q_LENGTH, 1e-3, true },
	{ "millimetri", Q_LENGTH, 1e-3, true },
	{ "milimetr", Q_LENGTH, 1e-3, true },
	{ "milimetry", Q_LENGTH, 1e-3, true },
	{ "milimetr\xc3\xb3w", Q_LENGTH, 1e-3, true },	/* milimetrów */
	{ "milimetra", Q_LENGTH, 1e-3, true },
	{ "milimetre", Q_LENGTH, 1e-3, true },
	{ "milimetri", Q_LENGTH, 1e-3, true },
	{ "milimeter", Q_LENGTH, 1e-3, true },
	{ "milim\xc3\xa9t", Q_LENGTH, 1e-3, true },	/* milimét */
	{ "\xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1e-3, true },	/* миллиметр */
	{ "\xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb0", Q_LENGTH, 1e-3, true },	/* миллиметра */
	{ "\xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_LENGTH, 1e-3, true },	/* миллиметров */
	{ "\xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x8b", Q_LENGTH, 1e-3, true },	/* миллиметры */
	{ "\xd0\xbc\xd1\x96\xd0\xbb\xd1\x96\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1e-3, true },	/* міліметр */
	{ "\xd0\xbc\xd1\x96\xd0\xbb\xd1\x96\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb0", Q_LENGTH, 1e-3, true },	/* міліметра */
	{ "\xd0\xbc\xd1\x96\xd0\xbb\xd1\x96\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_LENGTH, 1e-3, true },	/* міліметрів */
	{ "\xd0\xbc\xd1\x96\xd0\xbb\xd1\x96\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb8", Q_LENGTH, 1e-3, true },	/* міліметри */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xcf\x83\xcf\x84\xce\xac", Q_LENGTH, 1e-3, true },	/* χιλιοστά */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xcf\x83\xcf\x84\xcf\x8c", Q_LENGTH, 1e-3, true },	/* χιλιοστό */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xcf\x83\xcf\x84\xcf\x8e\xce\xbd", Q_LENGTH, 1e-3, true },	/* χιλιοστών */
	{ "\xe3\x83\x9f\xe3\x83\xaa\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\x88\xe3\x83\xab", Q_LENGTH, 1e-3, true },	/* ミリメートル */
	{ "\xeb\xb0\x80\xeb\xa6\xac\xeb\xaf\xb8\xed\x84\xb0", Q_LENGTH, 1e-3, true },	/* 밀리미터 */
	{ "\xd7\x9e\xd7\x99\xd7\x9c\xd7\x99\xd7\x9e\xd7\x98\xd7\xa8", Q_LENGTH, 1e-3, true },	/* מילימטר */
	{ "\xd7\x9e\xd7\x99\xd7\x9c\xd7\x99\xd7\x9e\xd7\x98\xd7\xa8\xd7\x99\xd7\x9d", Q_LENGTH, 1e-3, true },	/* מילימטרים */
	{ "\xe0\xa4\xae\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x80\xe0\xa4\xae\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_LENGTH, 1e-3, true },	/* मिलीमीटर */
	{ "\xd9\x85\xdb\x8c\xd9\x84\xdb\x8c\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, true },	/* میلیمتر */
	{ "\xd9\x85\xd9\x84\xdb\x8c\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-3, true },	/* ملیمتر */
	{ "\xd9\x85\xd9\x84\xd9\x8a\xd9\x85\xd8\xaa\xd8\xb1\xd8\xa7", Q_LENGTH, 1e-3, true },	/* مليمترا */
	{ "centimetre", Q_LENGTH, 1e-2, true },
	{ "centimetres", Q_LENGTH, 1e-2, true },
	{ "centimeter", Q_LENGTH, 1e-2, true },
	{ "centimeters", Q_LENGTH, 1e-2, true },
	{ "zentimeter", Q_LENGTH, 1e-2, true },
	{ "centim\xc3\xa8tre", Q_LENGTH, 1e-2, true },	/* centimètre */
	{ "centim\xc3\xa8tres", Q_LENGTH, 1e-2, true },	/* centimètres */
	{ "cent\xc3\xadmetro", Q_LENGTH, 1e-2, true },	/* centímetro */
	{ "cent\xc3\xadmetros", Q_LENGTH, 1e-2, true },	/* centímetros */
	{ "centimetro", Q_LENGTH, 1e-2, true },
	{ "centimetri", Q_LENGTH, 1e-2, true },
	{ "centymetr", Q_LENGTH, 1e-2, true },
	{ "centymetr\xc3\xb3w", Q_LENGTH, 1e-2, true },	/* centymetrów */
	{ "centymetry", Q_LENGTH, 1e-2, true },
	{ "santimetre", Q_LENGTH, 1e-2, true },
	{ "sentimeter", Q_LENGTH, 1e-2, true },
	{ "centim\xc3\xa9t", Q_LENGTH, 1e-2, true },	/* centimét */
	{ "\xd1\x81\xd0\xb0\xd0\xbd\xd1\x82\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1e-2, true },	/* сантиметр */
	{ "\xd1\x81\xd0\xb0\xd0\xbd\xd1\x82\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb0", Q_LENGTH, 1e-2, true },	/* сантиметра */
	{ "\xd1\x81\xd0\xb0\xd0\xbd\xd1\x82\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_LENGTH, 1e-2, true },	/* сантиметров */
	{ "\xd1\x81\xd0\xb0\xd0\xbd\xd1\x82\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_LENGTH, 1e-2, true },	/* сантиметрів */
	{ "\xce\xb5\xce\xba\xce\xb1\xcf\x84\xce\xbf\xcf\x83\xcf\x84\xce\xac", Q_LENGTH, 1e-2, true },	/* εκατοστά */
	{ "\xce\xb5\xce\xba\xce\xb1\xcf\x84\xce\xbf\xcf\x83\xcf\x84\xcf\x8c", Q_LENGTH, 1e-2, true },	/* εκατοστό */
	{ "\xe3\x82\xbb\xe3\x83\xb3\xe3\x83\x81\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\x88\xe3\x83\xab", Q_LENGTH, 1e-2, true },	/* センチメートル */
	{ "\xec\x84\xbc\xed\x8b\xb0\xeb\xaf\xb8\xed\x84\xb0", Q_LENGTH, 1e-2, true },	/* 센티미터 */
	{ "\xd7\xa1\xd7\xa0\xd7\x98\xd7\x99\xd7\x9e\xd7\x98\xd7\xa8", Q_LENGTH, 1e-2, true },	/* סנטימטר */
	{ "\xe0\xa4\xb8\xe0\xa5\x87\xe0\xa4\x82\xe0\xa4\x9f\xe0\xa5\x80\xe0\xa4\xae\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_LENGTH, 1e-2, true },	/* सेंटीमीटर */
	{ "\xd8\xb3\xd8\xa7\xd9\x86\xd8\xaa\xdb\x8c\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-2, true },	/* سانتیمتر */
	{ "\xd8\xb3\xd8\xa7\xd9\x86\xd8\xaa\xd9\x8a\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-2, true },	/* سانتيمتر */
	{ "\xd8\xb3\xd9\x85", Q_LENGTH, 1e-2, true },	/* سم */
	{ "m\xc3\xa8tre", Q_LENGTH, 1, true },	/* mètre */
	{ "m\xc3\xa8tres", Q_LENGTH, 1, true },	/* mètres */
	{ "metro", Q_LENGTH, 1, true },
	{ "metros", Q_LENGTH, 1, true },
	{ "metri", Q_LENGTH, 1, true },
	{ "metr\xc3\xb3w", Q_LENGTH, 1, true },	/* metrów */
	{ "metry", Q_LENGTH, 1, true },
	{ "metre", Q_LENGTH, 1, true },
	{ "\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1, true },	/* метр */
	{ "\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb0", Q_LENGTH, 1, true },	/* метра */
	{ "\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_LENGTH, 1, true },	/* метров */
	{ "\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_LENGTH, 1, true },	/* метрів */
	{ "\xce\xbc\xce\xad\xcf\x84\xcf\x81\xce\xb1", Q_LENGTH, 1, true },	/* μέτρα */
	{ "\xce\xbc\xce\xad\xcf\x84\xcf\x81\xce\xbf", Q_LENGTH, 1, true },	/* μέτρο */
	{ "\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\x88\xe3\x83\xab", Q_LENGTH, 1, true },	/* メートル */
	{ "\xeb\xaf\xb8\xed\x84\xb0", Q_LENGTH, 1, true },	/* 미터 */
	{ "\xd7\x9e\xd7\x98\xd7\xa8\xd7\x99\xd7\x9d", Q_LENGTH, 1, true },	/* מטרים */
	{ "\xe0\xa4\xae\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_LENGTH, 1, true },	/* मीटर */
	{ "m\xc3\xa9t", Q_LENGTH, 1, true },	/* mét */
	{ "kilometre", Q_LENGTH, 1e3, true },
	{ "kilometres", Q_LENGTH, 1e3, true },
	{ "kilometer", Q_LENGTH, 1e3, true },
	{ "kilometers", Q_LENGTH, 1e3, true },
	{ "kilom\xc3\xa8tre", Q_LENGTH, 1e3, true },	/* kilomètre */
	{ "kilom\xc3\xa8tres", Q_LENGTH, 1e3, true },	/* kilomètres */
	{ "kil\xc3\xb3metro", Q_LENGTH, 1e3, true },	/* kilómetro */
	{ "kil\xc3\xb3metros", Q_LENGTH, 1e3, true },	/* kilómetros */
	{ "chilometro", Q_LENGTH, 1e3, true },
	{ "chilometri", Q_LENGTH, 1e3, true },
	{ "quil\xc3\xb3metro", Q_LENGTH, 1e3, true },	/* quilómetro */
	{ "quil\xc3\xb4metro", Q_LENGTH, 1e3, true },	/* quilômetro */
	{ "quil\xc3\xb4metros", Q_LENGTH, 1e3, true },	/* quilômetros */
	{ "quil\xc3\xb3metros", Q_LENGTH, 1e3, true },	/* quilómetros */
	{ "kilometr\xc3\xb3w", Q_LENGTH, 1e3, true },	/* kilometrów */
	{ "kilometry", Q_LENGTH, 1e3, true },
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1e3, true },	/* километр */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb0", Q_LENGTH, 1e3, true },	/* километра */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_LENGTH, 1e3, true },	/* километров */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1e3, true },	/* кілометр */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_LENGTH, 1e3, true },	/* кілометрів */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xcf\x8c\xce\xbc\xce\xb5\xcf\x84\xcf\x81\xce\xb1", Q_LENGTH, 1e3, true },	/* χιλιόμετρα */
	{ "\xe3\x82\xad\xe3\x83\xad\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\x88\xe3\x83\xab", Q_LENGTH, 1e3, true },	/* キロメートル */
	{ "\xed\x82\xac\xeb\xa1\x9c\xeb\xaf\xb8\xed\x84\xb0", Q_LENGTH, 1e3, true },	/* 킬로미터 */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95\xd7\x9e\xd7\x98\xd7\xa8", Q_LENGTH, 1e3, true },	/* קילומטר */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x8b\xe0\xa4\xae\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_LENGTH, 1e3, true },	/* किलोमीटर */
	{ "\xda\xa9\xdb\x8c\xd9\x84\xd9\x88\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e3, true },	/* کیلومتر */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e3, true },	/* كيلومتر */
	{ "\xd9\x83\xd9\x85", Q_LENGTH, 1e3, true },	/* كم */
	{ "ki-l\xc3\xb4-m\xc3\xa9t", Q_LENGTH, 1e3, true },	/* ki-lô-mét */
	{ "kil\xc3\xb4m\xc3\xa9t", Q_LENGTH, 1e3, true },	/* kilômét */
	{ "mikrometer", Q_LENGTH, 1e-6, true },
	{ "mikron", Q_LENGTH, 1e-6, true },
	{ "microm\xc3\xa8tre", Q_LENGTH, 1e-6, true },	/* micromètre */
	{ "microm\xc3\xa8tres", Q_LENGTH, 1e-6, true },	/* micromètres */
	{ "micr\xc3\xb3metro", Q_LENGTH, 1e-6, true },	/* micrómetro */
	{ "micr\xc3\xb3metros", Q_LENGTH, 1e-6, true },	/* micrómetros */
	{ "micrometro", Q_LENGTH, 1e-6, true },
	{ "micrometri", Q_LENGTH, 1e-6, true },
	{ "micr\xc3\xb4metro", Q_LENGTH, 1e-6, true },	/* micrômetro */
	{ "mikrometr", Q_LENGTH, 1e-6, true },
	{ "mikrometr\xc3\xb3w", Q_LENGTH, 1e-6, true },	/* mikrometrów */
	{ "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd0\xbd", Q_LENGTH, 1e-6, true },	/* микрон */
	{ "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd0\xbd\xd0\xb0", Q_LENGTH, 1e-6, true },	/* микрона */
	{ "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd0\xbd\xd0\xbe\xd0\xb2", Q_LENGTH, 1e-6, true },	/* микронов */
	{ "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1e-6, true },	/* микрометр */
	{ "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb0", Q_LENGTH, 1e-6, true },	/* микрометра */
	{ "\xd0\xbc\xd1\x96\xd0\xba\xd1\x80\xd0\xbe\xd0\xbd", Q_LENGTH, 1e-6, true },	/* мікрон */
	{ "\xd0\xbc\xd1\x96\xd0\xba\xd1\x80\xd0\xbe\xd0\xbd\xd0\xb0", Q_LENGTH, 1e-6, true },	/* мікрона */
	{ "\xd0\xbc\xd1\x96\xd0\xba\xd1\x80\xd0\xbe\xd0\xbd\xd1\x96\xd0\xb2", Q_LENGTH, 1e-6, true },	/* мікронів */
	{ "\xd0\xbc\xd1\x96\xd0\xba\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_LENGTH, 1e-6, true },	/* мікрометр */
	{ "\xce\xbc\xce\xb9\xce\xba\xcf\x81\xcf\x8c\xce\xbc\xce\xb5\xcf\x84\xcf\x81\xce\xb1", Q_LENGTH, 1e-6, true },	/* μικρόμετρα */
	{ "\xe3\x83\x9e\xe3\x82\xa4\xe3\x82\xaf\xe3\x83\xad\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\x88\xe3\x83\xab", Q_LENGTH, 1e-6, true },	/* マイクロメートル */
	{ "\xe3\x83\x9f\xe3\x82\xaf\xe3\x83\xad\xe3\x83\xb3", Q_LENGTH, 1e-6, true },	/* ミクロン */
	{ "\xeb\xa7\x88\xec\x9d\xb4\xed\x81\xac\xeb\xa1\x9c\xeb\xaf\xb8\xed\x84\xb0", Q_LENGTH, 1e-6, true },	/* 마이크로미터 */
	{ "\xeb\xaf\xb8\xed\x81\xac\xeb\xa1\xa0", Q_LENGTH, 1e-6, true },	/* 미크론 */
	{ "\xd9\x85\xdb\x8c\xda\xa9\xd8\xb1\xd9\x88\xd9\x86", Q_LENGTH, 1e-6, true },	/* میکرون */
	{ "\xd9\x85\xd9\x8a\xd9\x83\xd8\xb1\xd9\x88\xd9\x86", Q_LENGTH, 1e-6, true },	/* ميكرون */
	{ "\xd9\x85\xd9\x8a\xd9\x83\xd8\xb1\xd9\x88\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-6, true },	/* ميكرومتر */
	{ "microm\xc3\xa9t", Q_LENGTH, 1e-6, true },	/* micromét */
	{ "zoll", Q_LENGTH, 0.0254, true },
	{ "pouce", Q_LENGTH, 0.0254, true },
	{ "pouces", Q_LENGTH, 0.0254, true },
	{ "pulgada", Q_LENGTH, 0.0254, true },
	{ "pulgadas", Q_LENGTH, 0.0254, true },
	{ "pollice", Q_LENGTH, 0.0254, true },
	{ "pollici", Q_LENGTH, 0.0254, true },
	{ "polegada", Q_LENGTH, 0.0254, true },
	{ "polegadas", Q_LENGTH, 0.0254, true },
	{ "\xd0\xb4\xd1\x8e\xd0\xb9\xd0\xbc", Q_LENGTH, 0.0254, true },	/* дюйм */
	{ "\xd0\xb4\xd1\x8e\xd0\xb9\xd0\xbc\xd0\xb0", Q_LENGTH, 0.0254, true },	/* дюйма */
	{ "\xd0\xb4\xd1\x8e\xd0\xb9\xd0\xbc\xd0\xbe\xd0\xb2", Q_LENGTH, 0.0254, true },	/* дюймов */
	{ "\xd0\xb4\xd1\x8e\xd0\xb9\xd0\xbc\xd1\x96\xd0\xb2", Q_LENGTH, 0.0254, true },	/* дюймів */
	{ "in\xc3\xa7", Q_LENGTH, 0.0254, true },	/* inç */
	{ "inci", Q_LENGTH, 0.0254, true },
	{ "\xce\xaf\xce\xbd\xcf\x84\xcf\x83\xce\xb5\xcf\x82", Q_LENGTH, 0.0254, true },	/* ίντσες */
	{ "\xe3\x82\xa4\xe3\x83\xb3\xe3\x83\x81", Q_LENGTH, 0.0254, true },	/* インチ */
	{ "\xec\x9d\xb8\xec\xb9\x98", Q_LENGTH, 0.0254, true },	/* 인치 */
	{ "\xd7\x90\xd7\x99\xd7\xa0\xd7\xa5'", Q_LENGTH, 0.0254, true },	/* אינץ' */
	{ "\xe0\xa4\x87\xe0\xa4\x82\xe0\xa4\x9a", Q_LENGTH, 0.0254, true },	/* इंच */
	{ "\xd8\xa7\xdb\x8c\xd9\x86\xda\x86", Q_LENGTH, 0.0254, true },	/* اینچ */
	{ "\xd8\xa8\xd9\x88\xd8\xb5\xd8\xa9", Q_LENGTH, 0.0254, true },	/* بوصة */
	{ "\xd8\xa7\xd9\x86\xd8\xb4", Q_LENGTH, 0.0254, true },	/* انش */
	{ "duim", Q_LENGTH, 0.0254, true },
	{ "kilogramm", Q_MASS, 1, true },
	{ "kilogramme", Q_MASS, 1, true },
	{ "kilogrammes", Q_MASS, 1, true },
	{ "kilogramo", Q_MASS, 1, true },
	{ "kilogramos", Q_MASS, 1, true },
	{ "chilogrammo", Q_MASS, 1, true },
	{ "chilogrammi", Q_MASS, 1, true },
	{ "quilograma", Q_MASS, 1, true },
	{ "quilogramas", Q_MASS, 1, true },
	{ "kilogram", Q_MASS, 1, true },
	{ "kilogramy", Q_MASS, 1, true },
	{ "kilogram\xc3\xb3w", Q_MASS, 1, true },	/* kilogramów */
	{ "kilograms", Q_MASS, 1, true },
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc", Q_MASS, 1, true },	/* килограмм */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xb0", Q_MASS, 1, true },	/* килограмма */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xbe\xd0\xb2", Q_MASS, 1, true },	/* килограммов */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc", Q_MASS, 1, true },	/* кілограм */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xb0", Q_MASS, 1, true },	/* кілограма */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd1\x96\xd0\xb2", Q_MASS, 1, true },	/* кілограмів */
	{ "\xce\xba\xce\xb9\xce\xbb\xce\xac", Q_MASS, 1, true },	/* κιλά */
	{ "\xce\xba\xce\xb9\xce\xbb\xcf\x8c", Q_MASS, 1, true },	/* κιλό */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xcf\x8c\xce\xb3\xcf\x81\xce\xb1\xce\xbc\xce\xbc\xce\xb1", Q_MASS, 1, true },	/* χιλιόγραμμα */
	{ "\xe3\x82\xad\xe3\x83\xad\xe3\x82\xb0\xe3\x83\xa9\xe3\x83\xa0", Q_MASS, 1, true },	/* キログラム */
	{ "\xed\x82\xac\xeb\xa1\x9c\xea\xb7\xb8\xeb\x9e\xa8", Q_MASS, 1, true },	/* 킬로그램 */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95", Q_MASS, 1, true },	/* קילו */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x8b\xe0\xa4\x97\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\xae", Q_MASS, 1, true },	/* किलोग्राम */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x8b", Q_MASS, 1, true },	/* किलो */
	{ "\xda\xa9\xdb\x8c\xd9\x84\xd9\x88", Q_MASS, 1, true },	/* کیلو */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88", Q_MASS, 1, true },	/* كيلو */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88\xd8\xba\xd8\xb1\xd8\xa7\xd9\x85", Q_MASS, 1, true },	/* كيلوغرام */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88\xd8\xac\xd8\xb1\xd8\xa7\xd9\x85", Q_MASS, 1, true },	/* كيلوجرام */
	{ "kil\xc3\xb4gam", Q_MASS, 1, true },	/* kilôgam */
	{ "kilo", Q_MASS, 1, true },
	{ "kilos", Q_MASS, 1, true },
	{ "gramm", Q_MASS, 1e-3, true },
	{ "gramme", Q_MASS, 1e-3, true },
	{ "grammes", Q_MASS, 1e-3, true },
	{ "gramo", Q_MASS, 1e-3, true },
	{ "gramos", Q_MASS, 1e-3, true },
	{ "grammo", Q_MASS, 1e-3, true },
	{ "grammi", Q_MASS, 1e-3, true },
	{ "grama", Q_MASS, 1e-3, true },
	{ "gramas", Q_MASS, 1e-3, true },
	{ "gramy", Q_MASS, 1e-3, true },
	{ "gram\xc3\xb3w", Q_MASS, 1e-3, true },	/* gramów */
	{ "grams", Q_MASS, 1e-3, true },
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc", Q_MASS, 1e-3, true },	/* грамм */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xb0", Q_MASS, 1e-3, true },	/* грамма */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd0\xbc\xd0\xbe\xd0\xb2", Q_MASS, 1e-3, true },	/* граммов */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc", Q_MASS, 1e-3, true },	/* грам */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xbc\xd1\x96\xd0\xb2", Q_MASS, 1e-3, true },	/* грамів */
	{ "\xce\xb3\xcf\x81\xce\xb1\xce\xbc\xce\xbc\xce\xac\xcf\x81\xce\xb9\xce\xb1", Q_MASS, 1e-3, true },	/* γραμμάρια */
	{ "\xe3\x82\xb0\xe3\x83\xa9\xe3\x83\xa0", Q_MASS, 1e-3, true },	/* グラム */
	{ "\xea\xb7\xb8\xeb\x9e\xa8", Q_MASS, 1e-3, true },	/* 그램 */
	{ "\xe0\xa4\x97\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\xae", Q_MASS, 1e-3, true },	/* ग्राम */
	{ "\xda\xaf\xd8\xb1\xd9\x85", Q_MASS, 1e-3, true },	/* گرم */
	{ "\xd8\xba\xd8\xb1\xd8\xa7\xd9\x85", Q_MASS, 1e-3, true },	/* غرام */
	{ "\xd8\xac\xd8\xb1\xd8\xa7\xd9\x85", Q_MASS, 1e-3, true },	/* جرام */
	{ "gam", Q_MASS, 1e-3, true },
	{ "tonne", Q_MASS, 1e3, true },
	{ "tonnen", Q_MASS, 1e3, true },
	{ "tonnes", Q_MASS, 1e3, true },
	{ "tonelada", Q_MASS, 1e3, true },
	{ "toneladas", Q_MASS, 1e3, true },
	{ "tonnellata", Q_MASS, 1e3, true },
	{ "tonnellate", Q_MASS, 1e3, true },
	{ "tony", Q_MASS, 1e3, true },
	{ "ton", Q_MASS, 1e3, true },
	{ "ton\xc3\xb3w", Q_MASS, 1e3, true },	/* tonów */
	{ "\xd1\x82\xd0\xbe\xd0\xbd\xd0\xbd\xd0\xb0", Q_MASS, 1e3, true },	/* тонна */
	{ "\xd1\x82\xd0\xbe\xd0\xbd\xd0\xbd\xd1\x8b", Q_MASS, 1e3, true },	/* тонны */
	{ "\xd1\x82\xd0\xbe\xd0\xbd\xd0\xbd", Q_MASS, 1e3, true },	/* тонн */
	{ "\xd1\x82\xd0\xbe\xd0\xbd\xd0\xbd\xd0\xb8", Q_MASS, 1e3, true },	/* тонни */
	{ "\xd1\x82\xd0\xbe\xd0\xbd\xd0\xbd", Q_MASS, 1e3, true },	/* тонн */
	{ "\xcf\x84\xcf\x8c\xce\xbd\xce\xbf\xce\xb9", Q_MASS, 1e3, true },	/* τόνοι */
	{ "\xcf\x84\xcf\x8c\xce\xbd\xce\xbf\xcf\x85\xcf\x82", Q_MASS, 1e3, true },	/* τόνους */
	{ "\xe3\x83\x88\xe3\x83\xb3", Q_MASS, 1e3, true },	/* トン */
	{ "\xed\x86\xa4", Q_MASS, 1e3, true },	/* 톤 */
	{ "\xe0\xa4\x9f\xe0\xa4\xa8", Q_MASS, 1e3, true },	/* टन */
	{ "\xd8\xb7\xd9\x86", Q_MASS, 1e3, true },	/* طن */
	{ "\xd8\xa3\xd8\xb7\xd9\x86\xd8\xa7\xd9\x86", Q_MASS, 1e3, true },	/* أطنان */
	{ "\xd8\xaa\xd9\x86", Q_MASS, 1e3, true },	/* تن */
	{ "t\xe1\xba\xa5n", Q_MASS, 1e3, true },	/* tấn */
	{ "\xe5\x85\xac\xe5\x90\xa8", Q_MASS, 1e3, true },	/* 公吨 */
	{ "prozent", Q_PERCENT, 1, true },
	{ "pour cent", Q_PERCENT, 1, true },
	{ "pourcent", Q_PERCENT, 1, true },
	{ "por ciento", Q_PERCENT, 1, true },
	{ "por cento", Q_PERCENT, 1, true },
	{ "per cento", Q_PERCENT, 1, true },
	{ "percento", Q_PERCENT, 1, true },
	{ "procent", Q_PERCENT, 1, true },
	{ "procento", Q_PERCENT, 1, true },
	{ "procenta", Q_PERCENT, 1, true },
	{ "procent\xc5\xaf", Q_PERCENT, 1, true },	/* procentů */
	{ "procentu", Q_PERCENT, 1, true },
	{ "procent\xc3\xb3w", Q_PERCENT, 1, true },	/* procentów */
	{ "procenty", Q_PERCENT, 1, true },
	{ "persen", Q_PERCENT, 1, true },
	{ "ph\xe1\xba\xa7n tr\xc4\x83m", Q_PERCENT, 1, true },	/* phần trăm */
	{ "\xcf\x84\xce\xbf\xce\xb9\xcf\x82 \xce\xb5\xce\xba\xce\xb1\xcf\x84\xcf\x8c", Q_PERCENT, 1, true },	/* τοις εκατό */
	{ "\xcf\x84\xce\xbf\xce\xb9\xcf\x82 \xce\xb5\xce\xba\xce\xb1\xcf\x84\xcf\x8c\xce\xbd", Q_PERCENT, 1, true },	/* τοις εκατόν */
	{ "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x86\xd0\xb5\xd0\xbd\xd1\x82", Q_PERCENT, 1, true },	/* процент */
	{ "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x86\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0", Q_PERCENT, 1, true },	/* процента */
	{ "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x86\xd0\xb5\xd0\xbd\xd1\x82\xd0\xbe\xd0\xb2", Q_PERCENT, 1, true },	/* процентов */
	{ "\xd0\xbf\xd1\x80\xd0\xbe\xd1\x86\xd0\xb5\xd0\xbd\xd1\x82\xd1\x96\xd0\xb2", Q_PERCENT, 1, true },	/* процентів */
	{ "\xd0\xb2\xd1\x96\xd0\xb4\xd1\x81\xd0\xbe\xd1\x82\xd0\xbe\xd0\xba", Q_PERCENT, 1, true },	/* відсоток */
	{ "\xd0\xb2\xd1\x96\xd0\xb4\xd1\x81\xd0\xbe\xd1\x82\xd0\xba\xd0\xb8", Q_PERCENT, 1, true },	/* відсотки */
	{ "\xd0\xb2\xd1\x96\xd0\xb4\xd1\x81\xd0\xbe\xd1\x82\xd0\xba\xd1\x96\xd0\xb2", Q_PERCENT, 1, true },	/* відсотків */
	{ "\xd0\xb2\xd1\x96\xd0\xb4\xd1\x81\xd0\xbe\xd1\x82\xd0\xba\xd0\xb0", Q_PERCENT, 1, true },	/* відсотка */
	{ "\xd8\xaf\xd8\xb1\xd8\xb5\xd8\xaf", Q_PERCENT, 1, true },	/* درصد */
	{ "\xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd8\xa6\xd8\xa9", Q_PERCENT, 1, true },	/* في المائة */
	{ "\xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85\xd8\xa6\xd8\xa9", Q_PERCENT, 1, true },	/* في المئة */
	{ "\xd8\xa8\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd8\xa6\xd8\xa9", Q_PERCENT, 1, true },	/* بالمائة */
	{ "\xd8\xa8\xd8\xa7\xd9\x84\xd9\x85\xd8\xa6\xd8\xa9", Q_PERCENT, 1, true },	/* بالمئة */
	{ "\xd8\xa8\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa9", Q_PERCENT, 1, true },	/* بالمية */
	{ "\xd7\x90\xd7\x97\xd7\x95\xd7\x96", Q_PERCENT, 1, true },	/* אחוז */
	{ "\xd7\x90\xd7\x97\xd7\x95\xd7\x96\xd7\x99\xd7\x9d", Q_PERCENT, 1, true },	/* אחוזים */
	{ "\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xa4\xe0\xa4\xbf\xe0\xa4\xb6\xe0\xa4\xa4", Q_PERCENT, 1, true },	/* प्रतिशत */
	{ "\xe3\x83\x91\xe3\x83\xbc\xe3\x82\xbb\xe3\x83\xb3\xe3\x83\x88", Q_PERCENT, 1, true },	/* パーセント */
	{ "\xed\x8d\xbc\xec\x84\xbc\xed\x8a\xb8", Q_PERCENT, 1, true },	/* 퍼센트 */
	{ "wt%", Q_PERCENT, 1, true },
	{ "wt.%", Q_PERCENT, 1, true },
	{ "wt. %", Q_PERCENT, 1, true },
	{ "wt-%", Q_PERCENT, 1, true },
	{ "gew.-%", Q_PERCENT, 1, true },
	{ "gew.%", Q_PERCENT, 1, true },
	{ "gew%", Q_PERCENT, 1, true },
	{ "gew. %", Q_PERCENT, 1, true },
	{ "masse-%", Q_PERCENT, 1, true },
	{ "mass%", Q_PERCENT, 1, true },
	{ "mass.%", Q_PERCENT, 1, true },
	{ "mass. %", Q_PERCENT, 1, true },
	{ "mas.%", Q_PERCENT, 1, true },
	{ "mas. %", Q_PERCENT, 1, true },
	{ "\xd0\xbc\xd0\xb0\xd1\x81\xd1\x81.%", Q_PERCENT, 1, true },	/* масс.% */
	{ "\xd0\xbc\xd0\xb0\xd1\x81\xd1\x81. %", Q_PERCENT, 1, true },	/* масс. % */
	{ "\xd0\xbc\xd0\xb0\xd1\x81.%", Q_PERCENT, 1, true },	/* мас.% */
	{ "\xd0\xbc\xd0\xb0\xd1\x81. %", Q_PERCENT, 1, true },	/* мас. % */
	{ "vol%", Q_PERCENT, 1, true },
	{ "vol.%", Q_PERCENT, 1, true },
	{ "vol.-%", Q_PERCENT, 1, true },
	{ "\xd0\xbe\xd0\xb1.%", Q_PERCENT, 1, true },	/* об.% */
	{ "at%", Q_PERCENT, 1, true },
	{ "at.%", Q_PERCENT, 1, true },
	{ "mol%", Q_PERCENT, 1, true },
	{ "mol.%", Q_PERCENT, 1, true },
	{ "% w/w", Q_PERCENT, 1, true },
	{ "%w/w", Q_PERCENT, 1, true },
	{ "% (w/w)", Q_PERCENT, 1, true },
	{ "grad celsius", Q_TEMPERATURE, 1, true },
	{ "grad", Q_TEMPERATURE, 1, true },
	{ "grados celsius", Q_TEMPERATURE, 1, true },
	{ "grados", Q_TEMPERATURE, 1, true },
	{ "gradi celsius", Q_TEMPERATURE, 1, true },
	{ "gradi", Q_TEMPERATURE, 1, true },
	{ "degr\xc3\xa9s celsius", Q_TEMPERATURE, 1, true },	/* degrés celsius */
	{ "degr\xc3\xa9s", Q_TEMPERATURE, 1, true },	/* degrés */
	{ "degr\xc3\xa9", Q_TEMPERATURE, 1, true },	/* degré */
	{ "degrees celsius", Q_TEMPERATURE, 1, true },
	{ "degrees c", Q_TEMPERATURE, 1, true },
	{ "degree c", Q_TEMPERATURE, 1, true },
	{ "degrees", Q_TEMPERATURE, 1, true },
	{ "graus celsius", Q_TEMPERATURE, 1, true },
	{ "graus", Q_TEMPERATURE, 1, true },
	{ "stopni celsjusza", Q_TEMPERATURE, 1, true },
	{ "stopni", Q_TEMPERATURE, 1, true },
	{ "stopnie", Q_TEMPERATURE, 1, true },
	{ "stup\xc5\x88\xc5\xaf celsia", Q_TEMPERATURE, 1, true },	/* stupňů celsia */
	{ "stup\xc5\x88\xc5\xaf", Q_TEMPERATURE, 1, true },	/* stupňů */
	{ "graden celsius", Q_TEMPERATURE, 1, true },
	{ "graden", Q_TEMPERATURE, 1, true },
	{ "grader celsius", Q_TEMPERATURE, 1, true },
	{ "grader", Q_TEMPERATURE, 1, true },
	{ "derece", Q_TEMPERATURE, 1, true },
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd0\xbe\xd0\xb2 \xd1\x86\xd0\xb5\xd0\xbb\xd1\x8c\xd1\x81\xd0\xb8\xd1\x8f", Q_TEMPERATURE, 1, true },	/* градусов цельсия */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd0\xb0 \xd1\x86\xd0\xb5\xd0\xbb\xd1\x8c\xd1\x81\xd0\xb8\xd1\x8f", Q_TEMPERATURE, 1, true },	/* градуса цельсия */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd0\xbe\xd0\xb2", Q_TEMPERATURE, 1, true },	/* градусов */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd0\xb0", Q_TEMPERATURE, 1, true },	/* градуса */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81", Q_TEMPERATURE, 1, true },	/* градус */
	{ "\xd0\xb3\xd1\x80\xd0\xb0\xd0\xb4\xd1\x83\xd1\x81\xd1\x96\xd0\xb2", Q_TEMPERATURE, 1, true },	/* градусів */
	{ "\xce\xb2\xce\xb1\xce\xb8\xce\xbc\xce\xbf\xcf\x8d\xcf\x82 \xce\xba\xce\xb5\xce\xbb\xcf\x83\xce\xaf\xce\xbf\xcf\x85", Q_TEMPERATURE, 1, true },	/* βαθμούς κελσίου */
	{ "\xce\xb2\xce\xb1\xce\xb8\xce\xbc\xce\xbf\xcf\x8d\xcf\x82", Q_TEMPERATURE, 1, true },	/* βαθμούς */
	{ "\xce\xb2\xce\xb1\xce\xb8\xce\xbc\xce\xbf\xce\xaf", Q_TEMPERATURE, 1, true },	/* βαθμοί */
	{ "\xe5\xba\xa6", Q_TEMPERATURE, 1, true },	/* 度 */
	{ "\xe6\x91\x84\xe6\xb0\x8f\xe5\xba\xa6", Q_TEMPERATURE, 1, true },	/* 摄氏度 */
	{ "\xe6\x94\x9d\xe6\xb0\x8f\xe5\xba\xa6", Q_TEMPERATURE, 1, true },	/* 攝氏度 */
	{ "\xe6\x91\x82\xe6\xb0\x8f", Q_TEMPERATURE, 1, true },	/* 摂氏 */
	{ "\xeb\x8f\x84", Q_TEMPERATURE, 1, true },	/* 도 */
	{ "\xec\x84\xad\xec\x94\xa8", Q_TEMPERATURE, 1, true },	/* 섭씨 */
	{ "\xd7\x9e\xd7\xa2\xd7\x9c\xd7\x95\xd7\xaa \xd7\xa6\xd7\x9c\xd7\x96\xd7\x99\xd7\x95\xd7\xa1", Q_TEMPERATURE, 1, true },	/* מעלות צלזיוס */
	{ "\xd7\x9e\xd7\xa2\xd7\x9c\xd7\x95\xd7\xaa", Q_TEMPERATURE, 1, true },	/* מעלות */
	{ "\xe0\xa4\xa1\xe0\xa4\xbf\xe0\xa4\x97\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa5\x80 \xe0\xa4\xb8\xe0\xa5\x87\xe0\xa4\xb2\xe0\xa5\x8d\xe0\xa4\xb8\xe0\xa4\xbf\xe0\xa4\xaf\xe0\xa4\xb8", Q_TEMPERATURE, 1, true },	/* डिग्री सेल्सियस */
	{ "\xe0\xa4\xa1\xe0\xa4\xbf\xe0\xa4\x97\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa5\x80", Q_TEMPERATURE, 1, true },	/* डिग्री */
	{ "\xd8\xaf\xd8\xb1\xd8\xac\xd8\xa9 \xd9\x85\xd8\xa6\xd9\x88\xd9\x8a\xd8\xa9", Q_TEMPERATURE, 1, true },	/* درجة مئوية */
	{ "\xd8\xaf\xd8\xb1\xd8\xac\xd9\x87 \xd8\xb3\xd8\xa7\xd9\x86\xd8\xaa\xdb\x8c\xda\xaf\xd8\xb1\xd8\xa7\xd8\xaf", Q_TEMPERATURE, 1, true },	/* درجه سانتیگراد */
	{ "\xd8\xaf\xd8\xb1\xd8\xac\xd8\xa9", Q_TEMPERATURE, 1, true },	/* درجة */
	{ "\xd8\xaf\xd8\xb1\xd8\xac\xd9\x87", Q_TEMPERATURE, 1, true },	/* درجه */
	{ "\xc4\x91\xe1\xbb\x99 c", Q_TEMPERATURE, 1, true },	/* độ c */
	{ "\xc4\x91\xe1\xbb\x99", Q_TEMPERATURE, 1, true },	/* độ */
	{ "derajat celsius", Q_TEMPERATURE, 1, true },
	{ "derajat", Q_TEMPERATURE, 1, true },
	{ "\xc2\xba" "c", Q_TEMPERATURE, 1, true },	/* ºc */
	{ "\xc2\xba c", Q_TEMPERATURE, 1, true },	/* º c */
	{ "\xc2\xb0 c", Q_TEMPERATURE, 1, true },	/* ° c */
	{ "\xc2\xb0" "c", Q_TEMPERATURE, 1, true },	/* °c */
	{ "megapascal", Q_PRESSURE, 1e6, true },
	{ "megapascals", Q_PRESSURE, 1e6, true },
	{ "m\xc3\xa9gapascal", Q_PRESSURE, 1e6, true },	/* mégapascal */
	{ "megapascales", Q_PRESSURE, 1e6, true },
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8c", Q_PRESSURE, 1e6, true },	/* мегапаскаль */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8f", Q_PRESSURE, 1e6, true },	/* мегапаскаля */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd0\xb5\xd0\xb9", Q_PRESSURE, 1e6, true },	/* мегапаскалей */
	{ "\xd0\xbc\xd0\xbf\xd0\xb0", Q_PRESSURE, 1e6, true },	/* мпа */
	{ "\xe3\x83\xa1\xe3\x82\xac\xe3\x83\x91\xe3\x82\xb9\xe3\x82\xab\xe3\x83\xab", Q_PRESSURE, 1e6, true },	/* メガパスカル */
	{ "\xeb\xa9\x94\xea\xb0\x80\xed\x8c\x8c\xec\x8a\xa4\xec\xb9\xbc", Q_PRESSURE, 1e6, true },	/* 메가파스칼 */
	{ "\xd7\x9e\xd7\x92\xd7\x94 \xd7\xa4\xd7\xa1\xd7\xa7\xd7\x9c", Q_PRESSURE, 1e6, true },	/* מגה פסקל */
	{ "\xd9\x85\xda\xaf\xd8\xa7\xd9\xbe\xd8\xa7\xd8\xb3\xda\xa9\xd8\xa7\xd9\x84", Q_PRESSURE, 1e6, true },	/* مگاپاسکال */
	{ "\xd9\x85\xd9\x8a\xd8\xac\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84", Q_PRESSURE, 1e6, true },	/* ميجاباسكال */
	{ "\xd9\x85\xd9\x8a\xd8\xba\xd8\xa7 \xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84", Q_PRESSURE, 1e6, true },	/* ميغا باسكال */
	{ "kilopascal", Q_PRESSURE, 1e3, true },
	{ "kilopascals", Q_PRESSURE, 1e3, true },
	{ "\xd0\xba\xd0\xbf\xd0\xb0", Q_PRESSURE, 1e3, true },	/* кпа */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8c", Q_PRESSURE, 1e3, true },	/* килопаскаль */
	{ "\xed\x82\xac\xeb\xa1\x9c\xed\x8c\x8c\xec\x8a\xa4\xec\xb9\xbc", Q_PRESSURE, 1e3, true },	/* 킬로파스칼 */
	{ "\xe3\x82\xad\xe3\x83\xad\xe3\x83\x91\xe3\x82\xb9\xe3\x82\xab\xe3\x83\xab", Q_PRESSURE, 1e3, true },	/* キロパスカル */
	{ "gigapascal", Q_PRESSURE, 1e9, true },
	{ "gigapascals", Q_PRESSURE, 1e9, true },
	{ "\xd0\xb3\xd0\xbf\xd0\xb0", Q_PRESSURE, 1e9, true },	/* гпа */
	{ "\xd0\xb3\xd0\xb8\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8c", Q_PRESSURE, 1e9, true },	/* гигапаскаль */
	{ "\xea\xb8\xb0\xea\xb0\x80\xed\x8c\x8c\xec\x8a\xa4\xec\xb9\xbc", Q_PRESSURE, 1e9, true },	/* 기가파스칼 */
	{ "\xe3\x82\xae\xe3\x82\xac\xe3\x83\x91\xe3\x82\xb9\xe3\x82\xab\xe3\x83\xab", Q_PRESSURE, 1e9, true },	/* ギガパスカル */
	{ "\xd0\xb1\xd0\xb0\xd1\x80", Q_PRESSURE, 1e5, true },	/* бар */
	{ "\xd0\xb1\xd0\xb0\xd1\x80\xd0\xb0", Q_PRESSURE, 1e5, true },	/* бара */
	{ "bara", Q_PRESSURE, 1e5, true },
	{ "barg", Q_PRESSURE, 1e5, true },
	{ "bares", Q_PRESSURE, 1e5, true },
	{ "\xe3\x83\x90\xe3\x83\xbc\xe3\x83\xab", Q_PRESSURE, 1e5, true },	/* バール */
	{ "kgf/cm2", Q_PRESSURE, 98066.5, true },
	{ "kgf/cm\xc2\xb2", Q_PRESSURE, 98066.5, true },	/* kgf/cm² */
	{ "kg/cm2", Q_PRESSURE, 98066.5, true },
	{ "kg/cm\xc2\xb2", Q_PRESSURE, 98066.5, true },	/* kg/cm² */
	{ "\xd0\xba\xd0\xb3\xd1\x81/\xd1\x81\xd0\xbc" "2", Q_PRESSURE, 98066.5, true },	/* кгс/см2 */
	{ "\xd0\xba\xd0\xb3\xd1\x81/\xd1\x81\xd0\xbc\xc2\xb2", Q_PRESSURE, 98066.5, true },	/* кгс/см² */
	{ "\xd0\xba\xd0\xb3/\xd1\x81\xd0\xbc" "2", Q_PRESSURE, 98066.5, true },	/* кг/см2 */
	{ "\xd0\xba\xd0\xb3/\xd1\x81\xd0\xbc\xc2\xb2", Q_PRESSURE, 98066.5, true },	/* кг/см² */
	{ "atm", Q_PRESSURE, 101325, true },
	{ "\xd0\xb0\xd1\x82\xd0\xbc", Q_PRESSURE, 101325, true },	/* атм */
	{ "\xd0\xb0\xd1\x82\xd0\xbc\xd0\xbe\xd1\x81\xd1\x84\xd0\xb5\xd1\x80", Q_PRESSURE, 101325, true },	/* атмосфер */
	{ "\xd0\xbc\xd0\xbc \xd1\x80\xd1\x82. \xd1\x81\xd1\x82.", Q_PRESSURE, 133.322, true },	/* мм рт. ст. */
	{ "\xd0\xbc\xd0\xbc \xd1\x80\xd1\x82.\xd1\x81\xd1\x82.", Q_PRESSURE, 133.322, true },	/* мм рт.ст. */
	{ "mmhg", Q_PRESSURE, 133.322, true },
	{ "mm hg", Q_PRESSURE, 133.322, true },
	{ "hertz", Q_FREQUENCY, 1, true },
	{ "\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86", Q_FREQUENCY, 1, true },	/* герц */
	{ "\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86\xd0\xb0", Q_FREQUENCY, 1, true },	/* герца */
	{ "\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86\xd0\xb0\xd1\x85", Q_FREQUENCY, 1, true },	/* герцах */
	{ "\xe3\x83\x98\xe3\x83\xab\xe3\x83\x84", Q_FREQUENCY, 1, true },	/* ヘルツ */
	{ "\xed\x97\xa4\xeb\xa5\xb4\xec\xb8\xa0", Q_FREQUENCY, 1, true },	/* 헤르츠 */
	{ "\xd7\x94\xd7\xa8\xd7\xa5", Q_FREQUENCY, 1, true },	/* הרץ */
	{ "\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1, true },	/* هرتز */
	{ "\xe8\xb5\xab", Q_FREQUENCY, 1, true },	/* 赫 */
	{ "kilohertz", Q_FREQUENCY, 1e3, true },
	{ "\xd0\xba\xd0\xb3\xd1\x86", Q_FREQUENCY, 1e3, true },	/* кгц */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86", Q_FREQUENCY, 1e3, true },	/* килогерц */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86\xd0\xb0", Q_FREQUENCY, 1e3, true },	/* килогерца */
	{ "\xe3\x82\xad\xe3\x83\xad\xe3\x83\x98\xe3\x83\xab\xe3\x83\x84", Q_FREQUENCY, 1e3, true },	/* キロヘルツ */
	{ "\xed\x82\xac\xeb\xa1\x9c\xed\x97\xa4\xeb\xa5\xb4\xec\xb8\xa0", Q_FREQUENCY, 1e3, true },	/* 킬로헤르츠 */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88 \xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e3, true },	/* كيلو هرتز */
	{ "megahertz", Q_FREQUENCY, 1e6, true },
	{ "\xd0\xbc\xd0\xb3\xd1\x86", Q_FREQUENCY, 1e6, true },	/* мгц */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86", Q_FREQUENCY, 1e6, true },	/* мегагерц */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86\xd0\xb0", Q_FREQUENCY, 1e6, true },	/* мегагерца */
	{ "\xe5\x85\x86\xe8\xb5\xab", Q_FREQUENCY, 1e6, true },	/* 兆赫 */
	{ "\xe3\x83\xa1\xe3\x82\xac\xe3\x83\x98\xe3\x83\xab\xe3\x83\x84", Q_FREQUENCY, 1e6, true },	/* メガヘルツ */
	{ "\xeb\xa9\x94\xea\xb0\x80\xed\x97\xa4\xeb\xa5\xb4\xec\xb8\xa0", Q_FREQUENCY, 1e6, true },	/* 메가헤르츠 */
	{ "\xd9\x85\xd9\x8a\xd8\xac\xd8\xa7\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e6, true },	/* ميجاهرتز */
	{ "\xd9\x85\xda\xaf\xd8\xa7\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e6, true },	/* مگاهرتز */
	{ "gigahertz", Q_FREQUENCY, 1e9, true },
	{ "\xd0\xb3\xd0\xb3\xd1\x86", Q_FREQUENCY, 1e9, true },	/* ггц */
	{ "\xd0\xb3\xd0\xb8\xd0\xb3\xd0\xb0\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86", Q_FREQUENCY, 1e9, true },	/* гигагерц */
	{ "\xe5\x90\x89\xe8\xb5\xab", Q_FREQUENCY, 1e9, true },	/* 吉赫 */
	{ "\xe5\x8d\x83\xe5\x85\x86\xe8\xb5\xab", Q_FREQUENCY, 1e9, true },	/* 千兆赫 */
	{ "\xe3\x82\xae\xe3\x82\xac\xe3\x83\x98\xe3\x83\xab\xe3\x83\x84", Q_FREQUENCY, 1e9, true },	/* ギガヘルツ */
	{ "\xea\xb8\xb0\xea\xb0\x80\xed\x97\xa4\xeb\xa5\xb4\xec\xb8\xa0", Q_FREQUENCY, 1e9, true },	/* 기가헤르츠 */
	{ "watt", Q_POWER, 1, true },
	{ "watts", Q_POWER, 1, true },
	{ "\xd0\xb2\xd0\xb0\xd1\x82\xd1\x82", Q_POWER, 1, true },	/* ватт */
	{ "\xd0\xb2\xd0\xb0\xd1\x82\xd1\x82\xd0\xb0", Q_POWER, 1, true },	/* ватта */
	{ "\xd0\xb2\xd0\xb0\xd1\x82\xd1\x96\xd0\xb2", Q_POWER, 1, true },	/* ватів */
	{ "\xe3\x83\xaf\xe3\x83\x83\xe3\x83\x88", Q_POWER, 1, true },	/* ワット */
	{ "\xec\x99\x80\xed\x8a\xb8", Q_POWER, 1, true },	/* 와트 */
	{ "\xd9\x88\xd8\xa7\xd8\xaa", Q_POWER, 1, true },	/* وات */
	{ "\xd9\x88\xd8\xa7\xd8\xb7", Q_POWER, 1, true },	/* واط */
	{ "kilowatt", Q_POWER, 1e3, true },
	{ "kilowatts", Q_POWER, 1e3, true },
	{ "\xd0\xba\xd0\xb2\xd1\x82", Q_POWER, 1e3, true },	/* квт */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd1\x82", Q_POWER, 1e3, true },	/* киловатт */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82", Q_POWER, 1e3, true },	/* кіловат */
	{ "\xe3\x82\xad\xe3\x83\xad\xe3\x83\xaf\xe3\x83\x83\xe3\x83\x88", Q_POWER, 1e3, true },	/* キロワット */
	{ "\xed\x82\xac\xeb\xa1\x9c\xec\x99\x80\xed\x8a\xb8", Q_POWER, 1e3, true },	/* 킬로와트 */
	{ "megawatt", Q_POWER, 1e6, true },
	{ "megawatts", Q_POWER, 1e6, true },
	{ "\xd0\xbc\xd0\xb2\xd1\x82", Q_POWER, 1e6, true },	/* мвт */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xb2\xd0\xb0\xd1\x82\xd1\x82", Q_POWER, 1e6, true },	/* мегаватт */
	{ "\xe3\x83\xa1\xe3\x82\xac\xe3\x83\xaf\xe3\x83\x83\xe3\x83\x88", Q_POWER, 1e6, true },	/* メガワット */
	{ "\xeb\xa9\x94\xea\xb0\x80\xec\x99\x80\xed\x8a\xb8", Q_POWER, 1e6, true },	/* 메가와트 */
	{ "litr", Q_VOLUME, 1, true },
	{ "litr\xc5\xaf", Q_VOLUME, 1, true },	/* litrů */
	{ "litry", Q_VOLUME, 1, true },
	{ "\xd0\xbb\xd0\xb8\xd1\x82\xd1\x80", Q_VOLUME, 1, true },	/* литр */
	{ "\xd0\xbb\xd0\xb8\xd1\x82\xd1\x80\xd0\xb0", Q_VOLUME, 1, true },	/* литра */
	{ "\xd0\xbb\xd0\xb8\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_VOLUME, 1, true },	/* литров */
	{ "\xd0\xbb\xd0\xb8\xd1\x82\xd1\x80\xd1\x8b", Q_VOLUME, 1, true },	/* литры */
	{ "\xd0\xbb\xd1\x96\xd1\x82\xd1\x80", Q_VOLUME, 1, true },	/* літр */
	{ "\xd0\xbb\xd1\x96\xd1\x82\xd1\x80\xd0\xb0", Q_VOLUME, 1, true },	/* літра */
	{ "\xd0\xbb\xd1\x96\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_VOLUME, 1, true },	/* літрів */
	{ "\xce\xbb\xce\xaf\xcf\x84\xcf\x81\xce\xb1", Q_VOLUME, 1, true },	/* λίτρα */
	{ "\xce\xbb\xce\xaf\xcf\x84\xcf\x81\xce\xbf", Q_VOLUME, 1, true },	/* λίτρο */
	{ "\xe3\x83\xaa\xe3\x83\x83\xe3\x83\x88\xe3\x83\xab", Q_VOLUME, 1, true },	/* リットル */
	{ "\xeb\xa6\xac\xed\x84\xb0", Q_VOLUME, 1, true },	/* 리터 */
	{ "\xe0\xa4\xb2\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_VOLUME, 1, true },	/* लीटर */
	{ "l\xc3\xadt", Q_VOLUME, 1, true },	/* lít */
	{ "liters", Q_VOLUME, 1, true },
	{ "litre", Q_VOLUME, 1, true },
	{ "litres", Q_VOLUME, 1, true },
	{ "lt", Q_VOLUME, 1, true },
	{ "ltr", Q_VOLUME, 1, true },
	{ "ltrs", Q_VOLUME, 1, true },
	{ "millilitre", Q_VOLUME, 1e-3, true },
	{ "millilitres", Q_VOLUME, 1e-3, true },
	{ "milliliter", Q_VOLUME, 1e-3, true },
	{ "milliliters", Q_VOLUME, 1e-3, true },
	{ "\xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8\xd0\xbb\xd0\xb8\xd1\x82\xd1\x80", Q_VOLUME, 1e-3, true },	/* миллилитр */
	{ "\xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb\xd0\xb8\xd0\xbb\xd0\xb8\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_VOLUME, 1e-3, true },	/* миллилитров */
	{ "\xe3\x83\x9f\xe3\x83\xaa\xe3\x83\xaa\xe3\x83\x83\xe3\x83\x88\xe3\x83\xab", Q_VOLUME, 1e-3, true },	/* ミリリットル */
	{ "\xeb\xb0\x80\xeb\xa6\xac\xeb\xa6\xac\xed\x84\xb0", Q_VOLUME, 1e-3, true },	/* 밀리리터 */
	{ "\xd0\xba\xd1\x83\xd0\xb1\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_VOLUME, 1e3, true },	/* кубометр */
	{ "\xd0\xba\xd1\x83\xd0\xb1\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_VOLUME, 1e3, true },	/* кубометров */
	{ "\xd0\xba\xd1\x83\xd0\xb1\xd0\xb8\xd1\x87\xd0\xb5\xd1\x81\xd0\xba\xd0\xb8\xd1\x85 \xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_VOLUME, 1e3, true },	/* кубических метров */
	{ "metros c\xc3\xba" "bicos", Q_VOLUME, 1e3, true },	/* metros cúbicos */
	{ "m\xc3\xa8tres cubes", Q_VOLUME, 1e3, true },	/* mètres cubes */
	{ "\xe7\xab\x8b\xe7\xb1\xb3", Q_VOLUME, 1e3, true },	/* 立米 */
	{ "\xe7\xab\x8b\xe6\x96\xb9\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\x88\xe3\x83\xab", Q_VOLUME, 1e3, true },	/* 立方メートル */
	{ "\xec\x84\xb8\xec\xa0\x9c\xea\xb3\xb1\xeb\xaf\xb8\xed\x84\xb0", Q_VOLUME, 1e3, true },	/* 세제곱미터 */
	{ "\xec\x9e\x85\xeb\xb0\xa9\xeb\xaf\xb8\xed\x84\xb0", Q_VOLUME, 1e3, true },	/* 입방미터 */
	{ "achs", Q_AXES, 1, true },
	{ "achsen", Q_AXES, 1, true },
	{ "achsig", Q_AXES, 1, true },
	{ "achsige", Q_AXES, 1, true },
	{ "achsigen", Q_AXES, 1, true },
	{ "achsiges", Q_AXES, 1, true },
	{ "\xd0\xbe\xd1\x81\xd0\xb5\xd0\xb2\xd0\xbe\xd0\xb9", Q_AXES, 1, true },	/* осевой */
	{ "\xd0\xbe\xd1\x81\xd0\xb5\xd0\xb2\xd0\xb0\xd1\x8f", Q_AXES, 1, true },	/* осевая */
	{ "\xd0\xbe\xd1\x81\xd0\xb5\xd0\xb2\xd0\xbe\xd0\xb5", Q_AXES, 1, true },	/* осевое */
	{ "\xd0\xbe\xd1\x81\xd0\xb5\xd0\xb2\xd1\x8b\xd0\xb5", Q_AXES, 1, true },	/* осевые */
	{ "\xd0\xbe\xd1\x81\xd1\x8f\xd0\xbc\xd0\xb8", Q_AXES, 1, true },	/* осями */
	{ "\xd0\xbe\xd1\x81\xd1\x96", Q_AXES, 1, true },	/* осі */
	{ "\xd0\xbe\xd1\x81\xd0\xb5\xd0\xb9", Q_AXES, 1, true },	/* осей */
	{ "\xd0\xb2\xd1\x96\xd1\x81\xd1\x8c", Q_AXES, 1, true },	/* вісь */
	{ "\xd0\xb2\xd1\x96\xd1\x81\xd0\xbd\xd0\xb0", Q_AXES, 1, true },	/* вісна */
	{ "\xd0\xbe\xd1\x81\xd1\x8c\xd0\xbe\xd0\xb2\xd0\xb8\xd0\xb9", Q_AXES, 1, true },	/* осьовий */
	{ "\xce\xac\xce\xbe\xce\xbf\xce\xbd\xce\xb5\xcf\x82", Q_AXES, 1, true },	/* άξονες */
	{ "\xce\xb1\xce\xbe\xcf\x8c\xce\xbd\xcf\x89\xce\xbd", Q_AXES, 1, true },	/* αξόνων */
	{ "\xce\xac\xce\xbe\xce\xbf\xce\xbd\xce\xb1", Q_AXES, 1, true },	/* άξονα */
	{ "\xe0\xa4\x85\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7", Q_AXES, 1, true },	/* अक्ष */
	{ "\xe0\xa4\x85\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7\xe0\xa5\x80\xe0\xa4\xaf", Q_AXES, 1, true },	/* अक्षीय */
	{ "\xd9\x85\xd8\xad\xd9\x88\xd8\xb1", Q_AXES, 1, true },	/* محور */
	{ "\xd9\x85\xd8\xad\xd8\xa7\xd9\x88\xd8\xb1", Q_AXES, 1, true },	/* محاور */
	{ "\xd9\x85\xd8\xad\xd9\x88\xd8\xb1\xd9\x87", Q_AXES, 1, true },	/* محوره */
	{ "osiach", Q_AXES, 1, true },
	{ "osiowe", Q_AXES, 1, true },
	{ "os\xc3\xa9", Q_AXES, 1, true },	/* osé */
	{ "osami", Q_AXES, 1, true },
	{ "eixo", Q_AXES, 1, true },
	{ "ejes", Q_AXES, 1, true },
	{ "asse", Q_AXES, 1, true },
	{ "axe", Q_AXES, 1, true },
	{ "axis", Q_AXES, 1, true },
	{ "axes", Q_AXES, 1, true },
	{ "tr\xe1\xbb\xa5" "c", Q_AXES, 1, true },	/* trục */
	{ "sumbu", Q_AXES, 1, true },
	{ "eksenli", Q_AXES, 1, true },
	{ "stunde", Q_TIME, 3600, true },
	{ "heure", Q_TIME, 3600, true },
	{ "hora", Q_TIME, 3600, true },
	{ "ora", Q_TIME, 3600, true },
	{ "\xd1\x87\xd0\xb0\xd1\x81", Q_TIME, 3600, true },	/* час */
	{ "\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbd\xd0\xb0", Q_TIME, 3600, true },	/* година */
	{ "\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbd", Q_TIME, 3600, true },	/* годин */
	{ "\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb8\xd0\xbd\xd0\xb8", Q_TIME, 3600, true },	/* години */
	{ "\xcf\x8e\xcf\x81\xce\xb1", Q_TIME, 3600, true },	/* ώρα */
	{ "\xcf\x8e\xcf\x81\xce\xb5\xcf\x82", Q_TIME, 3600, true },	/* ώρες */
	{ "\xe6\x99\x82\xe9\x96\x93", Q_TIME, 3600, true },	/* 時間 */
	{ "\xe5\xb0\x8f\xe6\x97\xb6", Q_TIME, 3600, true },	/* 小时 */
	{ "\xec\x8b\x9c\xea\xb0\x84", Q_TIME, 3600, true },	/* 시간 */
	{ "\xd7\xa9\xd7\xa2\xd7\x94", Q_TIME, 3600, true },	/* שעה */
	{ "\xe0\xa4\x98\xe0\xa4\x82\xe0\xa4\x9f\xe0\xa5\x87", Q_TIME, 3600, true },	/* घंटे */
	{ "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xaa", Q_TIME, 3600, true },	/* ساعت */
	{ "\xd8\xb3\xd8\xa7\xd8\xb9\xd8\xa9", Q_TIME, 3600, true },	/* ساعة */
	{ "gi\xe1\xbb\x9d", Q_TIME, 3600, true },	/* giờ */
	{ "jam", Q_TIME, 3600, true },
	{ "saat", Q_TIME, 3600, true },
	{ "timmar", Q_TIME, 3600, true },
	{ "timme", Q_TIME, 3600, true },
	{ "uur", Q_TIME, 3600, true },
	{ "hodin", Q_TIME, 3600, true },
	{ "hodiny", Q_TIME, 3600, true },
	{ "godzin", Q_TIME, 3600, true },
	{ "godziny", Q_TIME, 3600, true },
	{ "sekunde", Q_TIME, 1, true },
	{ "sekunden", Q_TIME, 1, true },
	{ "seconde", Q_TIME, 1, true },
	{ "secondes", Q_TIME, 1, true },
	{ "segundo", Q_TIME, 1, true },
	{ "segundos", Q_TIME, 1, true },
	{ "secondo", Q_TIME, 1, true },
	{ "secondi", Q_TIME, 1, true },
	{ "\xd1\x81\xd0\xb5\xd0\xba\xd1\x83\xd0\xbd\xd0\xb4", Q_TIME, 1, true },	/* секунд */
	{ "\xd1\x81\xd0\xb5\xd0\xba\xd1\x83\xd0\xbd\xd0\xb4\xd0\xb0", Q_TIME, 1, true },	/* секунда */
	{ "\xd1\x81\xd0\xb5\xd0\xba\xd1\x83\xd0\xbd\xd0\xb4\xd1\x8b", Q_TIME, 1, true },	/* секунды */
	{ "\xe7\xa7\x92", Q_TIME, 1, true },	/* 秒 */
	{ "\xd7\xa9\xd7\xa0\xd7\x99\xd7\x95\xd7\xaa", Q_TIME, 1, true },	/* שניות */
	{ "\xe0\xa4\xb8\xe0\xa5\x87\xe0\xa4\x95\xe0\xa4\x82\xe0\xa4\xa1", Q_TIME, 1, true },	/* सेकंड */
	{ "\xd8\xab\xd8\xa7\xd9\x86\xdb\x8c\xd9\x87", Q_TIME, 1, true },	/* ثانیه */
	{ "\xd8\xab\xd8\xa7\xd9\x86\xd9\x8a\xd8\xa9", Q_TIME, 1, true },	/* ثانية */
	{ "gi\xc3\xa2y", Q_TIME, 1, true },	/* giây */
	{ "detik", Q_TIME, 1, true },
	{ "saniye", Q_TIME, 1, true },
	/* Hindi */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x8b\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\x9f", Q_POWER, 1e3, true },	/* किलोवाट */
	{ "\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\x9f", Q_POWER, 1, true },	/* वाट */
	{ "\xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\x97\xe0\xa4\xbe\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\x9f", Q_POWER, 1e6, true },	/* मेगावाट */
	{ "\xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\x97\xe0\xa4\xbe\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\x95\xe0\xa4\xb2", Q_PRESSURE, 1e6, true },	/* मेगापास्कल */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x8b\xe0\xa4\xb9\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\x9f\xe0\xa5\x8d\xe0\xa4\x9c", Q_FREQUENCY, 1e3, true },	/* किलोहर्ट्ज */
	{ "\xe0\xa4\xae\xe0\xa5\x87\xe0\xa4\x97\xe0\xa4\xbe\xe0\xa4\xb9\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\x9f\xe0\xa5\x8d\xe0\xa4\x9c", Q_FREQUENCY, 1e6, true },	/* मेगाहर्ट्ज */
	{ "\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\x87\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa5\x8b\xe0\xa4\xae\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_LENGTH, 1e-6, true },	/* माइक्रोमीटर */
	{ "\xe0\xa4\xb8\xe0\xa5\x87\xe0\xa4\xae\xe0\xa5\x80", Q_LENGTH, 1e-2, true },	/* सेमी */	/* Czech, Swedish, Vietnamese, Greek, Hebrew and Hindi inflections */
	{ "milimetr\xc5\xaf", Q_LENGTH, 1e-3, true },	/* milimetrů */
	{ "milimetrech", Q_LENGTH, 1e-3, true },
	{ "mikrometry", Q_LENGTH, 1e-6, true },
	{ "mikrometr\xc5\xaf", Q_LENGTH, 1e-6, true },	/* mikrometrů */
	{ "mikron\xc5\xaf", Q_LENGTH, 1e-6, true },	/* mikronů */
	{ "mikrometern", Q_LENGTH, 1e-6, true },
	{ "micromet", Q_LENGTH, 1e-6, true },
	{ "micr\xc3\xb4m\xc3\xa9t", Q_LENGTH, 1e-6, true },	/* micrômét */
	{ "micr\xc3\xb4met", Q_LENGTH, 1e-6, true },	/* micrômet */
	{ "mi-cr\xc3\xb4-m\xc3\xa9t", Q_LENGTH, 1e-6, true },	/* mi-crô-mét */
	{ "\xce\xbc\xce\xb9\xce\xba\xcf\x81\xcf\x8c\xce\xbc\xce\xb5\xcf\x84\xcf\x81\xce\xbf", Q_LENGTH, 1e-6, true },	/* μικρόμετρο */
	{ "\xce\xbc\xce\xb9\xce\xba\xcf\x81\xce\xbf\xce\xbc\xce\xad\xcf\x84\xcf\x81\xcf\x89\xce\xbd", Q_LENGTH, 1e-6, true },	/* μικρομέτρων */
	{ "mi-li-m\xc3\xa9t", Q_LENGTH, 1e-3, true },	/* mi-li-mét */
	{ "milimet", Q_LENGTH, 1e-3, true },
	{ "millimetern", Q_LENGTH, 1e-3, true },
	{ "kilometr", Q_LENGTH, 1e3, true },
	{ "kilometr\xc5\xaf", Q_LENGTH, 1e3, true },	/* kilometrů */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xcf\x8c\xce\xbc\xce\xb5\xcf\x84\xcf\x81\xce\xbf", Q_LENGTH, 1e3, true },	/* χιλιόμετρο */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xce\xbc\xce\xad\xcf\x84\xcf\x81\xcf\x89\xce\xbd", Q_LENGTH, 1e3, true },	/* χιλιομέτρων */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95\xd7\x9e\xd7\x98\xd7\xa8\xd7\x99\xd7\x9d", Q_LENGTH, 1e3, true },	/* קילומטרים */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xae\xe0\xa5\x80", Q_LENGTH, 1e3, true },	/* किमी */
	{ "kilogram\xc5\xaf", Q_MASS, 1, true },	/* kilogramů */
	{ "ki-l\xc3\xb4-gam", Q_MASS, 1, true },	/* ki-lô-gam */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xcf\x8c\xce\xb3\xcf\x81\xce\xb1\xce\xbc\xce\xbc\xce\xbf", Q_MASS, 1, true },	/* χιλιόγραμμο */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xce\xb3\xcf\x81\xce\xac\xce\xbc\xce\xbc\xcf\x89\xce\xbd", Q_MASS, 1, true },	/* χιλιογράμμων */
	{ "kilowatt\xc5\xaf", Q_POWER, 1e3, true },	/* kilowattů */
	{ "kil\xc3\xb4o\xc3\xa1t", Q_POWER, 1e3, true },	/* kilôoát */
	{ "ki-l\xc3\xb4-o\xc3\xa1t", Q_POWER, 1e3, true },	/* ki-lô-oát */
	{ "\xce\xba\xce\xb9\xce\xbb\xce\xbf\xce\xb2\xce\xac\xcf\x84", Q_POWER, 1e3, true },	/* κιλοβάτ */
	{ "hertz\xc5\xaf", Q_FREQUENCY, 1, true },	/* hertzů */
	{ "h\xc3\xa9" "c", Q_FREQUENCY, 1, true },	/* héc */
	{ "\xcf\x87\xce\xb5\xcf\x81\xcf\x84\xce\xb6", Q_FREQUENCY, 1, true },	/* χερτζ */
	{ "kilohertz\xc5\xaf", Q_FREQUENCY, 1e3, true },	/* kilohertzů */
	{ "megahertz\xc5\xaf", Q_FREQUENCY, 1e6, true },	/* megahertzů */
	{ "\xce\xb2\xce\xb1\xce\xb8\xce\xbc\xce\xbf\xce\xaf \xce\xba\xce\xb5\xce\xbb\xcf\x83\xce\xaf\xce\xbf\xcf\x85", Q_TEMPERATURE, 1, true },	/* βαθμοί κελσίου */
	{ "\xce\xb2\xce\xb1\xce\xb8\xce\xbc\xcf\x8e\xce\xbd \xce\xba\xce\xb5\xce\xbb\xcf\x83\xce\xaf\xce\xbf\xcf\x85", Q_TEMPERATURE, 1, true },	/* βαθμών κελσίου */
	{ "os", Q_AXES, 1, true },
	{ "osy", Q_AXES, 1, true },
	{ "os\xc3\xa1" "ch", Q_AXES, 1, true },	/* osách */
	{ "\xce\xbc\xce\xb5\xce\xb3\xce\xb1\xcf\x80\xce\xb1\xcf\x83\xce\xba\xce\xac\xce\xbb", Q_PRESSURE, 1e6, true },	/* μεγαπασκάλ */
	{ "megapascal\xc5\xaf", Q_PRESSURE, 1e6, true },	/* megapascalů */
	/*
	 * goods17: the units each term language lacked against the English set
	 * (tests/data/goods17/units.tsv, read by tests/unit/test_param.c).
	 */
	{ "cubic metres", Q_VOLUME, 1e3, true },
	{ "cubic meters", Q_VOLUME, 1e3, true },
	{ "cubic metre", Q_VOLUME, 1e3, true },
	{ "cubic meter", Q_VOLUME, 1e3, true },
	{ "kubikmeter", Q_VOLUME, 1e3, true },
	{ "m\xc3\xa9gapascals", Q_PRESSURE, 1e6, true },	/* mégapascals */
	{ "bars", Q_PRESSURE, 1e5, true },
	{ "m\xc3\xa9gahertz", Q_FREQUENCY, 1e6, true },	/* mégahertz */
	{ "m\xc3\xa9gawatts", Q_POWER, 1e6, true },	/* mégawatts */
	{ "m\xc3\xa9gawatt", Q_POWER, 1e6, true },	/* mégawatt */
	{ "kilopascales", Q_PRESSURE, 1e3, true },
	{ "gigapascales", Q_PRESSURE, 1e9, true },
	{ "hercios", Q_FREQUENCY, 1, true },
	{ "hercio", Q_FREQUENCY, 1, true },
	{ "kilohercios", Q_FREQUENCY, 1e3, true },
	{ "kilohercio", Q_FREQUENCY, 1e3, true },
	{ "megahercios", Q_FREQUENCY, 1e6, true },
	{ "megahercio", Q_FREQUENCY, 1e6, true },
	{ "gigahercios", Q_FREQUENCY, 1e9, true },
	{ "gigahercio", Q_FREQUENCY, 1e9, true },
	{ "vatios", Q_POWER, 1, true },
	{ "vatio", Q_POWER, 1, true },
	{ "kilovatios", Q_POWER, 1e3, true },
	{ "kilovatio", Q_POWER, 1e3, true },
	{ "megavatios", Q_POWER, 1e6, true },
	{ "megavatio", Q_POWER, 1e6, true },
	{ "mililitros", Q_VOLUME, 1e-3, true },
	{ "mililitro", Q_VOLUME, 1e-3, true },
	{ "millilitri", Q_VOLUME, 1e-3, true },
	{ "millilitro", Q_VOLUME, 1e-3, true },
	{ "metri cubi", Q_VOLUME, 1e3, true },
	{ "metro cubo", Q_VOLUME, 1e3, true },
	{ "micr\xc3\xb4metros", Q_LENGTH, 1e-6, true },	/* micrômetros */
	{ "micr\xc3\xb3metros", Q_LENGTH, 1e-6, true },	/* micrómetros */
	{ "micr\xc3\xb4metro", Q_LENGTH, 1e-6, true },	/* micrômetro */
	{ "quilopascals", Q_PRESSURE, 1e3, true },
	{ "quilopascal", Q_PRESSURE, 1e3, true },
	{ "quilohertz", Q_FREQUENCY, 1e3, true },
	{ "quilowatts", Q_POWER, 1e3, true },
	{ "quilowatt", Q_POWER, 1e3, true },
	{ "mililitros", Q_VOLUME, 1e-3, true },
	{ "mililitro", Q_VOLUME, 1e-3, true },
	{ "gram", Q_MASS, 1e-3, true },
	{ "kubieke meter", Q_VOLUME, 1e3, true },
	{ "seconden", Q_TIME, 1, true },
	{ "cali", Q_LENGTH, 0.0254, true },
	{ "megapaskali", Q_PRESSURE, 1e6, true },
	{ "megapaskala", Q_PRESSURE, 1e6, true },
	{ "kilopaskali", Q_PRESSURE, 1e3, true },
	{ "kilopaskala", Q_PRESSURE, 1e3, true },
	{ "gigapaskali", Q_PRESSURE, 1e9, true },
	{ "gigapaskala", Q_PRESSURE, 1e9, true },
	{ "bar\xc3\xb3w", Q_PRESSURE, 1e5, true },	/* barów */
	{ "herc\xc3\xb3w", Q_FREQUENCY, 1, true },	/* herców */
	{ "herc", Q_FREQUENCY, 1, true },
	{ "kiloherc\xc3\xb3w", Q_FREQUENCY, 1e3, true },	/* kiloherców */
	{ "kiloherc", Q_FREQUENCY, 1e3, true },
	{ "megaherc\xc3\xb3w", Q_FREQUENCY, 1e6, true },	/* megaherców */
	{ "megaherc", Q_FREQUENCY, 1e6, true },
	{ "gigaherc\xc3\xb3w", Q_FREQUENCY, 1e9, true },	/* gigaherców */
	{ "gigaherc", Q_FREQUENCY, 1e9, true },
	{ "wat\xc3\xb3w", Q_POWER, 1, true },	/* watów */
	{ "wat", Q_POWER, 1, true },
	{ "waty", Q_POWER, 1, true },
	{ "kilowat\xc3\xb3w", Q_POWER, 1e3, true },	/* kilowatów */
	{ "kilowat", Q_POWER, 1e3, true },
	{ "kilowaty", Q_POWER, 1e3, true },
	{ "megawat\xc3\xb3w", Q_POWER, 1e6, true },	/* megawatów */
	{ "megawat", Q_POWER, 1e6, true },
	{ "megawaty", Q_POWER, 1e6, true },
	{ "mililitr\xc3\xb3w", Q_VOLUME, 1e-3, true },	/* mililitrów */
	{ "mililitr", Q_VOLUME, 1e-3, true },
	{ "mililitry", Q_VOLUME, 1e-3, true },
	{ "metr\xc3\xb3w sze\xc5\x9b" "ciennych", Q_VOLUME, 1e3, true },	/* metrów sześciennych */
	{ "metry sze\xc5\x9b" "cienne", Q_VOLUME, 1e3, true },	/* metry sześcienne */
	{ "sekund", Q_TIME, 1, true },
	{ "sekundy", Q_TIME, 1, true },
	{ "centimetr\xc5\xaf", Q_LENGTH, 1e-2, true },	/* centimetrů */
	{ "metr\xc5\xaf", Q_LENGTH, 1, true },	/* metrů */
	{ "palc\xc5\xaf", Q_LENGTH, 0.0254, true },	/* palců */
	{ "gram\xc5\xaf", Q_MASS, 1e-3, true },	/* gramů */
	{ "tun", Q_MASS, 1e3, true },
	{ "kilopascal\xc5\xaf", Q_PRESSURE, 1e3, true },	/* kilopascalů */
	{ "gigapascal\xc5\xaf", Q_PRESSURE, 1e9, true },	/* gigapascalů */
	{ "bar\xc5\xaf", Q_PRESSURE, 1e5, true },	/* barů */
	{ "gigahertz\xc5\xaf", Q_FREQUENCY, 1e9, true },	/* gigahertzů */
	{ "watt\xc5\xaf", Q_POWER, 1, true },	/* wattů */
	{ "megawatt\xc5\xaf", Q_POWER, 1e6, true },	/* megawattů */
	{ "mililitr\xc5\xaf", Q_VOLUME, 1e-3, true },	/* mililitrů */
	{ "krychlov\xc3\xbd" "ch metr\xc5\xaf", Q_VOLUME, 1e3, true },	/* krychlových metrů */
	{ "metr\xc5\xaf krychlov\xc3\xbd" "ch", Q_VOLUME, 1e3, true },	/* metrů krychlových */
	{ "sekund", Q_TIME, 1, true },
	{ "tum", Q_LENGTH, 0.0254, true },
	{ "gram", Q_MASS, 1e-3, true },
	{ "kubikmeter", Q_VOLUME, 1e3, true },
	{ "sekunder", Q_TIME, 1, true },
	{ "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2", Q_LENGTH, 1e-6, true },	/* микрометров */
	{ "\xd0\xbc\xd0\xb8\xd0\xba\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x8b", Q_LENGTH, 1e-6, true },	/* микрометры */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd0\xb5\xd0\xb9", Q_PRESSURE, 1e3, true },	/* килопаскалей */
	{ "\xd0\xba\xd0\xb8\xd0\xbb\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8f", Q_PRESSURE, 1e3, true },	/* килопаскаля */
	{ "\xd0\xb3\xd0\xb8\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd0\xb5\xd0\xb9", Q_PRESSURE, 1e9, true },	/* гигапаскалей */
	{ "\xd0\xb3\xd0\xb8\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8f", Q_PRESSURE, 1e9, true },	/* гигапаскаля */
	{ "\xd0\xbc\xd1\x96\xd0\xba\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_LENGTH, 1e-6, true },	/* мікрометрів */
	{ "\xd0\xbc\xd1\x96\xd0\xba\xd1\x80\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd0\xb8", Q_LENGTH, 1e-6, true },	/* мікрометри */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x96\xd0\xb2", Q_PRESSURE, 1e6, true },	/* мегапаскалів */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8c", Q_PRESSURE, 1e6, true },	/* мегапаскаль */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x96\xd0\xb2", Q_PRESSURE, 1e3, true },	/* кілопаскалів */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8c", Q_PRESSURE, 1e3, true },	/* кілопаскаль */
	{ "\xd0\xb3\xd1\x96\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x96\xd0\xb2", Q_PRESSURE, 1e9, true },	/* гігапаскалів */
	{ "\xd0\xb3\xd1\x96\xd0\xb3\xd0\xb0\xd0\xbf\xd0\xb0\xd1\x81\xd0\xba\xd0\xb0\xd0\xbb\xd1\x8c", Q_PRESSURE, 1e9, true },	/* гігапаскаль */
	{ "\xd0\xba\xd1\x96\xd0\xbb\xd0\xbe\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86", Q_FREQUENCY, 1e3, true },	/* кілогерц */
	{ "\xd0\xb3\xd1\x96\xd0\xb3\xd0\xb0\xd0\xb3\xd0\xb5\xd1\x80\xd1\x86", Q_FREQUENCY, 1e9, true },	/* гігагерц */
	{ "\xd0\xb2\xd0\xb0\xd1\x82", Q_POWER, 1, true },	/* ват */
	{ "\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb0", Q_POWER, 1, true },	/* вата */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xb2\xd0\xb0\xd1\x82", Q_POWER, 1e6, true },	/* мегават */
	{ "\xd0\xbc\xd0\xb5\xd0\xb3\xd0\xb0\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb0", Q_POWER, 1e6, true },	/* мегавата */
	{ "\xd0\xbc\xd1\x96\xd0\xbb\xd1\x96\xd0\xbb\xd1\x96\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_VOLUME, 1e-3, true },	/* мілілітрів */
	{ "\xd0\xbc\xd1\x96\xd0\xbb\xd1\x96\xd0\xbb\xd1\x96\xd1\x82\xd1\x80", Q_VOLUME, 1e-3, true },	/* мілілітр */
	{ "\xd0\xba\xd1\x83\xd0\xb1\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80\xd1\x96\xd0\xb2", Q_VOLUME, 1e3, true },	/* кубометрів */
	{ "\xd0\xba\xd1\x83\xd0\xb1\xd0\xbe\xd0\xbc\xd0\xb5\xd1\x82\xd1\x80", Q_VOLUME, 1e3, true },	/* кубометр */
	{ "\xce\xba\xce\xb9\xce\xbb\xce\xbf\xcf\x80\xce\xb1\xcf\x83\xce\xba\xce\xac\xce\xbb", Q_PRESSURE, 1e3, true },	/* κιλοπασκάλ */
	{ "\xce\xb3\xce\xb9\xce\xb3\xce\xb1\xcf\x80\xce\xb1\xcf\x83\xce\xba\xce\xac\xce\xbb", Q_PRESSURE, 1e9, true },	/* γιγαπασκάλ */
	{ "\xce\xba\xce\xb9\xce\xbb\xce\xbf\xcf\x87\xce\xad\xcf\x81\xcf\x84\xce\xb6", Q_FREQUENCY, 1e3, true },	/* κιλοχέρτζ */
	{ "\xce\xbc\xce\xb5\xce\xb3\xce\xb1\xcf\x87\xce\xad\xcf\x81\xcf\x84\xce\xb6", Q_FREQUENCY, 1e6, true },	/* μεγαχέρτζ */
	{ "\xce\xb3\xce\xb9\xce\xb3\xce\xb1\xcf\x87\xce\xad\xcf\x81\xcf\x84\xce\xb6", Q_FREQUENCY, 1e9, true },	/* γιγαχέρτζ */
	{ "\xce\xb2\xce\xb1\xcf\x84", Q_POWER, 1, true },	/* βατ */
	{ "\xce\xbc\xce\xb5\xce\xb3\xce\xb1\xce\xb2\xce\xac\xcf\x84", Q_POWER, 1e6, true },	/* μεγαβάτ */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xcf\x83\xcf\x84\xcf\x8c\xce\xbb\xce\xb9\xcf\x84\xcf\x81\xce\xb1", Q_VOLUME, 1e-3, true },	/* χιλιοστόλιτρα */
	{ "\xcf\x87\xce\xb9\xce\xbb\xce\xb9\xce\xbf\xcf\x83\xcf\x84\xcf\x8c\xce\xbb\xce\xb9\xcf\x84\xcf\x81\xce\xbf", Q_VOLUME, 1e-3, true },	/* χιλιοστόλιτρο */
	{ "\xce\xba\xcf\x85\xce\xb2\xce\xb9\xce\xba\xce\xac \xce\xbc\xce\xad\xcf\x84\xcf\x81\xce\xb1", Q_VOLUME, 1e3, true },	/* κυβικά μέτρα */
	{ "\xce\xba\xcf\x85\xce\xb2\xce\xb9\xce\xba\xcf\x8c \xce\xbc\xce\xad\xcf\x84\xcf\x81\xce\xbf", Q_VOLUME, 1e3, true },	/* κυβικό μέτρο */
	{ "\xce\xb4\xce\xb5\xcf\x85\xcf\x84\xce\xb5\xcf\x81\xcf\x8c\xce\xbb\xce\xb5\xcf\x80\xcf\x84\xce\xb1", Q_TIME, 1, true },	/* δευτερόλεπτα */
	{ "\xce\xb4\xce\xb5\xcf\x85\xcf\x84\xce\xb5\xcf\x81\xcf\x8c\xce\xbb\xce\xb5\xcf\x80\xcf\x84\xce\xbf", Q_TIME, 1, true },	/* δευτερόλεπτο */
	{ "mikrometre", Q_LENGTH, 1e-6, true },
	{ "mikron", Q_LENGTH, 1e-6, true },
	{ "gram", Q_MASS, 1e-3, true },
	{ "megapaskal", Q_PRESSURE, 1e6, true },
	{ "kilopaskal", Q_PRESSURE, 1e3, true },
	{ "gigapaskal", Q_PRESSURE, 1e9, true },
	{ "kilovat", Q_POWER, 1e3, true },
	{ "megavat", Q_POWER, 1e6, true },
	{ "mililitre", Q_VOLUME, 1e-3, true },
	{ "metrek\xc3\xbcp", Q_VOLUME, 1e3, true },	/* metreküp */
	{ "gram", Q_MASS, 1e-3, true },
	{ "mililiter", Q_VOLUME, 1e-3, true },
	{ "meter kubik", Q_VOLUME, 1e3, true },
	{ "xentim\xc3\xa9t", Q_LENGTH, 1e-2, true },	/* xentimét */
	{ "x\xc4\x83ngtim\xc3\xa9t", Q_LENGTH, 1e-2, true },	/* xăngtimét */
	{ "kil\xc3\xb4h\xc3\xa9" "c", Q_FREQUENCY, 1e3, true },	/* kilôhéc */
	{ "m\xc3\xaagah\xc3\xa9" "c", Q_FREQUENCY, 1e6, true },	/* mêgahéc */
	{ "gigah\xc3\xa9" "c", Q_FREQUENCY, 1e9, true },	/* gigahéc */
	{ "o\xc3\xa1t", Q_POWER, 1, true },	/* oát */
	{ "m\xc3\xaagao\xc3\xa1t", Q_POWER, 1e6, true },	/* mêgaoát */
	{ "milil\xc3\xadt", Q_VOLUME, 1e-3, true },	/* mililít */
	{ "m\xc3\xa9t kh\xe1\xbb\x91i", Q_VOLUME, 1e3, true },	/* mét khối */
	{ "\xd8\xb3\xd9\x86\xd8\xaa\xd9\x8a\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-2, true },	/* سنتيمتر */
	{ "\xd9\x83\xd9\x8a\xd9\x84\xd9\x88\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84", Q_PRESSURE, 1e3, true },	/* كيلوباسكال */
	{ "\xd8\xac\xd9\x8a\xd8\xac\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84", Q_PRESSURE, 1e9, true },	/* جيجاباسكال */
	{ "\xd8\xba\xd9\x8a\xd8\xba\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xb3\xd9\x83\xd8\xa7\xd9\x84", Q_PRESSURE, 1e9, true },	/* غيغاباسكال */
	{ "\xd8\xa8\xd8\xa7\xd8\xb1", Q_PRESSURE, 1e5, true },	/* بار */
	{ "\xd8\xac\xd9\x8a\xd8\xac\xd8\xa7\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e9, true },	/* جيجاهرتز */
	{ "\xd8\xba\xd9\x8a\xd8\xba\xd8\xa7\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e9, true },	/* غيغاهرتز */
	{ "\xd9\x85\xd9\x8a\xd8\xac\xd8\xa7\xd9\x88\xd8\xa7\xd8\xb7", Q_POWER, 1e6, true },	/* ميجاواط */
	{ "\xd9\x85\xd9\x8a\xd8\xba\xd8\xa7\xd9\x88\xd8\xa7\xd8\xb7", Q_POWER, 1e6, true },	/* ميغاواط */
	{ "\xd9\x85\xd9\x84\xd9\x8a\xd9\x84\xd8\xaa\xd8\xb1", Q_VOLUME, 1e-3, true },	/* مليلتر */
	{ "\xd9\x85\xd9\x84\xd9\x84\xd9\x8a\xd9\x84\xd8\xaa\xd8\xb1", Q_VOLUME, 1e-3, true },	/* ملليلتر */
	{ "\xd9\x85\xdb\x8c\xda\xa9\xd8\xb1\xd9\x88\xd9\x85\xd8\xaa\xd8\xb1", Q_LENGTH, 1e-6, true },	/* میکرومتر */
	{ "\xda\xa9\xdb\x8c\xd9\x84\xd9\x88\xd9\xbe\xd8\xa7\xd8\xb3\xda\xa9\xd8\xa7\xd9\x84", Q_PRESSURE, 1e3, true },	/* کیلوپاسکال */
	{ "\xda\xa9\xdb\x8c\xd9\x84\xd9\x88\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e3, true },	/* کیلوهرتز */
	{ "\xda\xaf\xdb\x8c\xda\xaf\xd8\xa7\xd9\x87\xd8\xb1\xd8\xaa\xd8\xb2", Q_FREQUENCY, 1e9, true },	/* گیگاهرتز */
	{ "\xd9\x85\xda\xaf\xd8\xa7\xd9\x88\xd8\xa7\xd8\xaa", Q_POWER, 1e6, true },	/* مگاوات */
	{ "\xd9\x85\xdb\x8c\xd9\x84\xdb\x8c\xd9\x84\xdb\x8c\xd8\xaa\xd8\xb1", Q_VOLUME, 1e-3, true },	/* میلیلیتر */
	{ "\xd9\x85\xdb\x8c\xd9\x84\xdb\x8c \xd9\x84\xdb\x8c\xd8\xaa\xd8\xb1", Q_VOLUME, 1e-3, true },	/* میلی لیتر */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95\xd7\xa4\xd7\xa1\xd7\xa7\xd7\x9c", Q_PRESSURE, 1e3, true },	/* קילופסקל */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95 \xd7\xa4\xd7\xa1\xd7\xa7\xd7\x9c", Q_PRESSURE, 1e3, true },	/* קילו פסקל */
	{ "\xd7\x92\xd7\x99\xd7\x92\xd7\x94 \xd7\xa4\xd7\xa1\xd7\xa7\xd7\x9c", Q_PRESSURE, 1e9, true },	/* גיגה פסקל */
	{ "\xd7\x92\xd7\x99\xd7\x92\xd7\x94\xd7\xa4\xd7\xa1\xd7\xa7\xd7\x9c", Q_PRESSURE, 1e9, true },	/* גיגהפסקל */
	{ "\xd7\x91\xd7\xa8", Q_PRESSURE, 1e5, true },	/* בר */
	{ "\xd7\xa7\xd7\x99\xd7\x9c\xd7\x95\xd7\x94\xd7\xa8\xd7\xa5", Q_FREQUENCY, 1e3, true },	/* קילוהרץ */
	{ "\xd7\x9e\xd7\x92\xd7\x94\xd7\xa8\xd7\xa5", Q_FREQUENCY, 1e6, true },	/* מגהרץ */
	{ "\xd7\x9e\xd7\x92\xd7\x94 \xd7\x94\xd7\xa8\xd7\xa5", Q_FREQUENCY, 1e6, true },	/* מגה הרץ */
	{ "\xd7\x92\xd7\x99\xd7\x92\xd7\x94\xd7\xa8\xd7\xa5", Q_FREQUENCY, 1e9, true },	/* גיגהרץ */
	{ "\xd7\x92\xd7\x99\xd7\x92\xd7\x94 \xd7\x94\xd7\xa8\xd7\xa5", Q_FREQUENCY, 1e9, true },	/* גיגה הרץ */
	{ "\xd7\x95\xd7\x90\xd7\x98", Q_POWER, 1, true },	/* ואט */
	{ "\xd7\x95\xd7\x95\xd7\x90\xd7\x98", Q_POWER, 1, true },	/* וואט */
	{ "\xd7\x9e\xd7\x92\xd7\x95\xd7\x95\xd7\x90\xd7\x98", Q_POWER, 1e6, true },	/* מגוואט */
	{ "\xd7\x9e\xd7\x92\xd7\x94 \xd7\x95\xd7\x95\xd7\x90\xd7\x98", Q_POWER, 1e6, true },	/* מגה וואט */
	{ "\xd7\x9e\xd7\x99\xd7\x9c\xd7\x99\xd7\x9c\xd7\x99\xd7\x98\xd7\xa8", Q_VOLUME, 1e-3, true },	/* מיליליטר */
	{ "\xd7\x9e\xd7\x98\xd7\xa8 \xd7\x9e\xd7\xa2\xd7\x95\xd7\xa7\xd7\x91", Q_VOLUME, 1e3, true },	/* מטר מעוקב */
	{ "\xd7\x9e\xd7\x98\xd7\xa8\xd7\x99\xd7\x9d \xd7\x9e\xd7\xa2\xd7\x95\xd7\xa7\xd7\x91\xd7\x99\xd7\x9d", Q_VOLUME, 1e3, true },	/* מטרים מעוקבים */
	{ "\xe0\xa4\x95\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x8b\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\x95\xe0\xa4\xb2", Q_PRESSURE, 1e3, true },	/* किलोपास्कल */
	{ "\xe0\xa4\x97\xe0\xa5\x80\xe0\xa4\x97\xe0\xa4\xbe\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\x95\xe0\xa4\xb2", Q_PRESSURE, 1e9, true },	/* गीगापास्कल */
	{ "\xe0\xa4\x97\xe0\xa5\x80\xe0\xa4\x97\xe0\xa4\xbe\xe0\xa4\xb9\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\x9f\xe0\xa5\x8d\xe0\xa4\x9c", Q_FREQUENCY, 1e9, true },	/* गीगाहर्ट्ज */
	{ "\xe0\xa4\xae\xe0\xa4\xbf\xe0\xa4\xb2\xe0\xa5\x80\xe0\xa4\xb2\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_VOLUME, 1e-3, true },	/* मिलीलीटर */
	{ "\xe0\xa4\x98\xe0\xa4\xa8 \xe0\xa4\xae\xe0\xa5\x80\xe0\xa4\x9f\xe0\xa4\xb0", Q_VOLUME, 1e3, true },	/* घन मीटर */
	{ "\xe5\x85\x86\xe7\x93\xa6", Q_POWER, 1e6, true },	/* 兆瓦 */
};
const size_t param_unit_words_n = sizeof(param_unit_words) /
    sizeof(param_unit_words[0]);
