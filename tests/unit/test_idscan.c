/* test_idscan.c - lib/idscan.c: records found by their lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "qf/idscan.h"

struct seen {
	char out[1024];
	size_t used;
	int stop_at, n;
};

/* "ID@line[start,end)" for each record, joined by " ". */
static int note(const struct qf_idscan_rec *r, void *ud)
{
	struct seen *s = ud;
	int w = snprintf(s->out + s->used, sizeof s->out - s->used,
			 "%s%.*s@%u[%zu,%zu)", s->used ? " " : "",
			 (int)r->idlen, r->id, r->first_line, r->start, r->end);

	assert_true(w > 0 && (size_t)w < sizeof s->out - s->used);
	s->used += (size_t)w;
	return ++s->n == s->stop_at;
}

static int scan(const char *text, struct seen *s)
{
	memset(s, 0, sizeof *s);
	return qf_idscan(text, strlen(text), note, s);
}

/* Files as qifu writes them: a comment before the first record, IDs
 * quoted or with a comment after them, CRLF, a BOM, a "..." end. */
static void test_layouts(void **state)
{
	struct seen s;
	(void)state;

	assert_int_equal(scan("# 走访 2023-09\n---\nid: V-HY-202309-0001\n"
			      "date: 2023-09-05\n---\nid: V-HY-202309-0002\n"
			      "note: |\n  id: V-HY-202309-0099\n", &s), 1);
	assert_string_equal(s.out, "V-HY-202309-0001@2[17,59) "
			    "V-HY-202309-0002@5[59,115)");
	assert_int_equal(scan("\xef\xbb\xbf---\r\nid: 'F-HY-0001'\r\nname: a\r\n"
			      "---\r\nid: \"F-HY-0002\"  # 旧\r\n...\r\n", &s), 1);
	assert_string_equal(s.out, "F-HY-0001@1[3,34) F-HY-0002@4[34,68)");
	/* A first record without "---", empty documents, no records. */
	assert_int_equal(scan("id: F-HY-0001\nname: a\n---\n---\n# x\n", &s), 1);
	assert_string_equal(s.out, "F-HY-0001@1[0,22)");
	assert_int_equal(scan("", &s), 1);
	assert_int_equal(scan("# only a comment\n", &s), 1);
	assert_int_equal(s.n, 0);
}

/* What the lines cannot vouch for: the caller must parse. */
static void test_not_whole(void **state)
{
	static const char *const odd[] = {
		"---\nname: no id here\n",                   /* no ID line */
		"---\nid: F-HY-0001\nid: F-HY-0002\n",        /* two */
		"--- {id: F-HY-0001}\n",                     /* flow */
		"---\n{id: F-HY-0001, name: a}\n",
		"---\nid: f-hy-0001\n",                      /* not an ID */
		"---\nid: F-HY-0001 x\n",
		"---\nid: 'F-HY-0001\n",                     /* unclosed */
		"---\nid:F-HY-0001\n",
		"--- |\nid: F-HY-0001\n",                    /* a block scalar */
		"---\nid: F-HY-0001\n---\n  id: F-HY-0002\n", /* indented */
	};
	struct seen s;
	(void)state;

	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
		if (scan(odd[i], &s) != 0)
			fail_msg("took %zu as whole: %s", i, odd[i]);
}

static void test_stop(void **state)
{
	struct seen s;
	(void)state;

	memset(&s, 0, sizeof s);
	s.stop_at = 2;
	assert_int_equal(qf_idscan("---\nid: A-1\n---\nid: A-2\n---\nid: A-3\n",
				   36, note, &s), QF_IDSCAN_STOPPED);
	assert_int_equal(s.n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_not_whole),
		cmocka_unit_test(test_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
