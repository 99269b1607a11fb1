/* chart.h - bar charts as inline SVG, for the HTML bulletin.
 *
 * Every bar carries its figure in data-value (and its label in
 * data-label or data-month), so a program or a test can read the chart
 * back; coordinates are whole numbers, so the same figures always draw
 * the same bytes.  Every label is written through qf_text_html. */
#ifndef QF_CHART_H
#define QF_CHART_H

#include <stddef.h>

#include "qf/buf.h"

enum qf_chart_kind {
	QF_CHART_BARS,     /* horizontal bars, one row per label; with
			    * totals, each value over a paler total */
	QF_CHART_COLUMNS   /* vertical pairs of columns (series 0 and 1)
			    * along a time axis */
};

struct qf_chart {
	enum qf_chart_kind kind;
	const char *name;               /* data-chart, a token */
	const char *caption;            /* figcaption */
	const char *legend;             /* columns: a line under the axis */
	size_t n;
	const char *const *labels;      /* n labels */
	const long *values;             /* n values (columns: series 0) */
	const long *totals;             /* bars: NULL or n totals;
					 * columns: series 1 */
	const char *const *keys;        /* columns: data-month of each */
	const char *series[2];          /* columns: the two class names */
};

/* Append c as a <figure> holding an <svg>.  -1 when out of memory. */
int qf_chart_svg(struct qf_buf *out, const struct qf_chart *c);

#endif
