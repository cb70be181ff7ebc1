/*
 * The legal basis of a sanctions hit as an officer reads it: the list's
 * name and, for the UN Security Council list, the resolution that set up
 * the sanctions programme the entry is listed under.  Pure: no I/O.
 */
#ifndef CORDON_LEGAL_H
#define CORDON_LEGAL_H

#include <jansson.h>

/*
 * The resolution(s) of the UN sanctions programme <programme> as the UN
 * consolidated list names it (UN_LIST_TYPE: "DPRK", "Al-Qaida", ...), or
 * NULL if unknown.  Static storage.
 */
const char	*legal_un_resolution(const char *programme);
/*
 * Completes the alert view <alert> (borrowed, changed in place): every
 * party hit gets "legal_basis" (list name, programme, resolution), and
 * <party_lists> (the snapshot's [{"id", "title"}], borrowed, may be NULL)
 * adds the party lists the hits come from to the alert's "lists".
 */
void		 legal_annotate(json_t *alert, json_t *party_lists);

#endif
