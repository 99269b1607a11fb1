/* chart.c - bar charts as inline SVG (see qf/chart.h). */
#include <stdio.h>

#include "qf/chart.h"
#include "qf/text.h"

static void svg_text(struct qf_buf *o, int x, int y, const char *anchor,
		     const char *s)
{
	qf_buf_printf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y,
		      anchor);
	qf_text_html(o, s);
	qf_buf_puts(o, "</text>\n");
}

static void columns(struct qf_buf *o, const struct qf_chart *c)
{
	const int W = 640, H = 220, top = 20, base = 180, left = 30;
	const int slot = (W - left - 10) / (int)(c->n ? c->n : 1),
		  bw = slot / 3;
	long max = 1;
	char lab[32];

	for (size_t i = 0; i < c->n; i++) {
		if (c->values[i] > max)
			max = c->values[i];
		if (c->totals[i] > max)
			max = c->totals[i];
	}
	qf_buf_printf(o, "<figure><svg class=\"chart\" data-chart=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
		      c->name, W, H, W, H);
	qf_buf_printf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
		      left, base, W - 10, base);
	for (size_t i = 0; i < c->n; i++) {
		int x = left + (int)i * slot + slot / 6;
		long v[2] = { c->values[i], c->totals[i] };
		for (int k = 0; k < 2; k++) {
			int h = (int)(v[k] * (base - top) / max);
			qf_buf_printf(o, "<rect class=\"%s\" data-series=\"%s\" data-month=\"",
				      c->series[k], c->series[k]);
			qf_text_html(o, c->keys[i]);
			qf_buf_printf(o, "\" data-value=\"%ld\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
				      v[k], x + k * bw, base - h, bw, h);
			if (v[k]) {
				snprintf(lab, sizeof lab, "%ld", v[k]);
				svg_text(o, x + k * bw + bw / 2, base - h - 3,
					 "middle", lab);
			}
		}
		svg_text(o, x + bw, base + 16, "middle", c->labels[i]);
	}
	if (c->legend)
		svg_text(o, left, H - 4, "start", c->legend);
}

static void bars(struct qf_buf *o, const struct qf_chart *c)
{
	const int W = 640, row = 18, left = 200, right = 60;
	int H = (int)c->n * row + 10;
	long max = 1;
	char lab[48];

	for (size_t i = 0; i < c->n; i++) {
		if (c->values[i] > max)
			max = c->values[i];
		if (c->totals && c->totals[i] > max)
			max = c->totals[i];
	}
	qf_buf_printf(o, "<figure><svg class=\"chart\" data-chart=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
		      c->name, W, H, W, H);
	for (size_t i = 0; i < c->n; i++) {
		int y = 5 + (int)i * row;
		int w = (int)(c->values[i] * (W - left - right) / max);
		long far = c->values[i];
		svg_text(o, left - 6, y + 13, "end", c->labels[i]);
		if (c->totals) {
			int tw = (int)(c->totals[i] * (W - left - right) / max);
			qf_buf_puts(o, "<rect class=\"total\" data-label=\"");
			qf_text_html(o, c->labels[i]);
			qf_buf_printf(o, "\" data-value=\"%ld\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
				      c->totals[i], left, y + 2, tw, row - 4);
			if (c->totals[i] > far)
				far = c->totals[i];
		}
		qf_buf_puts(o, "<rect class=\"value\" data-label=\"");
		qf_text_html(o, c->labels[i]);
		qf_buf_printf(o, "\" data-value=\"%ld\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
			      c->values[i], left, y + 2, w, row - 4);
		if (c->totals)
			snprintf(lab, sizeof lab, "%ld/%ld", c->values[i],
				 c->totals[i]);
		else
			snprintf(lab, sizeof lab, "%ld", c->values[i]);
		svg_text(o, left + (int)(far * (W - left - right) / max) + 4,
			 y + 13, "start", lab);
	}
}

int qf_chart_svg(struct qf_buf *o, const struct qf_chart *c)
{
	if (c->kind == QF_CHART_COLUMNS)
		columns(o, c);
	else
		bars(o, c);
	qf_buf_puts(o, "</svg><figcaption>");
	qf_text_html(o, c->caption);
	qf_buf_puts(o, "</figcaption></figure>\n");
	return o->oom ? -1 : 0;
}
