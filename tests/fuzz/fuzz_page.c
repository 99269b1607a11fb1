/* fuzz_page.c - libFuzzer harness: the page writer (lib/page.c).  Any
 * bytes as a title, heading, paragraph, list item and table cells, in each
 * format: no control byte but the newline between lines may come out (no
 * C0, DEL or C1, not even of invalid UTF-8); a Markdown table row keeps
 * its cells (as many unescaped "|" as columns + 1), and an HTML document
 * has no "<" that the writer did not put there (data never opens a tag). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qf/page.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void no_controls(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			abort();
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			abort();
	}
}

/* Unescaped pipes on each line that starts with "| ". */
static void md_cells(const char *s)
{
	for (const char *l = s; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : l) {
		size_t pipes = 0;
		if (strncmp(l, "| ", 2))
			continue;
		for (const char *p = l; *p && *p != '\n'; p++) {
			if (*p == '\\' && p[1] && p[1] != '\n')
				p++;
			else if (*p == '|')
				pipes++;
		}
		if (pipes != 3)
			abort();
	}
}

/* Every "<" opens one of the writer's own tags. */
static void html_tags(const char *s)
{
	static const char *const ok[] = { "<!DOCTYPE", "<html", "</html",
		"<head", "</head", "<meta", "<title", "</title", "<style",
		"</style", "<body", "</body", "<h1", "</h1", "<h2", "</h2",
		"<p>", "</p>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>",
		"</li>", "<table>", "</table>", "<tr>", "</tr>", "<th>",
		"</th>", "<td", "</td>", NULL };

	for (const char *p = s; (p = strchr(p, '<')); p++) {
		int found = 0;
		for (int i = 0; ok[i] && !found; i++)
			found = !strncmp(p, ok[i], strlen(ok[i]));
		if (!found)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if (size > 4096 || !(s = malloc(size + 1)))
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (int f = QF_PAGE_TEXT; f <= QF_PAGE_HTML; f++) {
		struct qf_buf o = QF_BUF_INIT;
		struct qf_page d;
		struct qf_page_table t;

		qf_page_begin(&d, &o, (enum qf_page_format)f, s, "zh-CN", "");
		qf_page_heading(&d, s);
		qf_page_para(&d, s);
		qf_page_item(&d, s);
		qf_page_table_init(&t, 2, "01");
		qf_page_table_row(&t, (const char *const[]){ s, "n" });
		qf_page_table_row(&t, (const char *const[]){ "x", s });
		qf_page_table(&d, &t);
		qf_page_end(&d);
		if (!o.oom && o.s) {
			no_controls(o.s);
			if (f == QF_PAGE_MARKDOWN)
				md_cells(o.s);
			if (f == QF_PAGE_HTML)
				html_tags(o.s);
		}
		free(o.s);
	}
	free(s);
	return 0;
}
