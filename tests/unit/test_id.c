/* test_id.c - lib/id.c: record IDs, site codes, types. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "qf/id.h"

/* ---- helpers ------------------------------------------------------- */

static void assert_parses(const char *s, enum qf_type type, const char *site,
			  int year, int month, unsigned seq)
{
	struct qf_id id;

	if (qf_id_parse(s, &id) != 0)
		fail_msg("qf_id_parse(\"%s\") refused", s);
	assert_int_equal(id.type, type);
	assert_string_equal(id.site, site);
	assert_int_equal(id.year, year);
	assert_int_equal(id.month, month);
	assert_int_equal(id.seq, seq);
}

/* s parses, and formatting it gives s back. */
static void assert_round_trip(const char *s)
{
	struct qf_id id, again;
	char buf[QF_ID_MAX];

	if (qf_id_parse(s, &id) != 0)
		fail_msg("qf_id_parse(\"%s\") refused", s);
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), 0);
	assert_string_equal(buf, s);
	assert_int_equal(qf_id_parse(buf, &again), 0);
	assert_memory_equal(&id, &again, sizeof id);
}

/* ---- parse/format -------------------------------------------------- */

static void test_parse_each_type(void **state)
{
	(void)state;
	assert_parses("F-HY-0012", QF_FIRM, "HY", 0, 0, 12);
	assert_parses("P-HY-0003", QF_POLICY, "HY", 0, 0, 3);
	assert_parses("V-HY-202305-0012", QF_VISIT, "HY", 2023, 5, 12);
	assert_parses("D-HY-202305-0007", QF_DEMAND, "HY", 2023, 5, 7);
	assert_parses("F-A1-123456", QF_FIRM, "A1", 0, 0, 123456);
	assert_parses("D-ABCDEFGH-999912-10001", QF_DEMAND, "ABCDEFGH", 9999,
		      12, 10001);
	assert_parses("V-Z9-190001-0001", QF_VISIT, "Z9", 1900, 1, 1);
}

static void test_round_trip(void **state)
{
	(void)state;
	assert_round_trip("F-HY-0001");
	assert_round_trip("F-HY-9999");
	assert_round_trip("F-HY-10000");
	assert_round_trip("F-HY-999999");
	assert_round_trip("P-HY-0003");
	assert_round_trip("P-SZ2024-0042");
	assert_round_trip("V-HY-202305-0012");
	assert_round_trip("V-ABCDEFGH-199912-123456");
	assert_round_trip("D-HY-202305-0007");
	assert_round_trip("D-HY-190001-0001");
	assert_round_trip("D-HY-999912-999999");
}

static void test_format_pads(void **state)
{
	/* Sequences are written with at least 4 digits, and an ID has one
	 * spelling only: F-HY-000012 is not another F-HY-0012 (the fuzzer
	 * found that both parsed to the same record). */
	struct qf_id id;
	char buf[QF_ID_MAX];

	(void)state;
	assert_int_equal(qf_id_parse("F-HY-000012", &id), -1);
	assert_int_equal(qf_id_parse("F-HY-00012", &id), -1);
	assert_int_equal(qf_id_parse("F-HY-12345", &id), 0);
	assert_int_equal(qf_id_parse("F-HY-0012", &id), 0);
	assert_int_equal(id.seq, 12);
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), 0);
	assert_string_equal(buf, "F-HY-0012");

	memset(&id, 0, sizeof id);
	id.type = QF_DEMAND;
	snprintf(id.site, sizeof id.site, "%s", "HY");
	id.year = 2023;
	id.month = 5;
	id.seq = 7;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), 0);
	assert_string_equal(buf, "D-HY-202305-0007");

	/* Firms and policies ignore year and month. */
	id.type = QF_FIRM;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), 0);
	assert_string_equal(buf, "F-HY-0007");
}

static void test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"",
		"F",
		"F-",
		"F-HY",
		"F-HY-",
		"F-HY-12",               /* sequence too short */
		"F-HY-123",
		"F-HY-1234567",          /* sequence too long */
		"F-HY-0000",             /* sequences start at 1 */
		"F-HY-000000",
		"F-HY-00a1",
		"F-HY--001",
		"F-HY-+001",
		"F-HY- 001",
		"F-hy-0001",             /* lowercase */
		"f-HY-0001",
		"F-Hy-0001",
		"F-H-0001",              /* site too short */
		"F-HYHYHYHYH-0001",      /* site too long (9) */
		"F--0001",
		"F-1Y-0001",             /* site starts with a digit */
		"F-H_-0001",
		"F-H Y-0001",
		"F-中文-0001",
		"F-HY-0001 ",            /* trailing and leading space */
		" F-HY-0001",
		"F-HY-0001\n",
		"F-HY-0001/..",          /* path tricks */
		"../F-HY-0001",
		"F-HY-0001/",
		"F-../-0001",
		"F-HY/..-0001",
		"X-HY-0001",             /* unknown type letter */
		"CON",                   /* device names */
		"NUL",
		"F_HY_0001",
		"FHY0001",
		"F-HY-202305-0001",      /* firm with a month */
		"P-HY-202305-0001",
		"D-HY-0001",             /* demand without a month */
		"V-HY-0001",
		"D-HY-202313-0001",      /* month 13 */
		"D-HY-202300-0001",      /* month 0 */
		"D-HY-189912-0001",      /* before 1900 */
		"D-HY-000001-0001",
		"V-HY-202305-0000",      /* sequence 0 */
		"D-HY-20230-00001",      /* month field too short */
		"D-HY-2023051-0001",     /* month field too long */
		"D-HY-2023-05-0001",
		"D-HY-202305-001",
		"D-HY-202305-1234567",
		"D-HY-202305",
		"D-HY-202305-",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct qf_id id;
		if (qf_id_parse(bad[i], &id) != -1)
			fail_msg("qf_id_parse(\"%s\") accepted", bad[i]);
	}
	{
		struct qf_id id;
		assert_int_equal(qf_id_parse(NULL, &id), -1);
	}
}

static void test_format_rejects(void **state)
{
	struct qf_id ok, id;
	char buf[QF_ID_MAX];

	(void)state;
	assert_int_equal(qf_id_parse("D-HY-202305-0007", &ok), 0);

	id = ok;
	id.seq = 0;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	id.seq = 1000000;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	id.month = 0;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	id.month = 13;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	id.year = 1899;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	id.year = 10000;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	snprintf(id.site, sizeof id.site, "%s", "hy");
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	snprintf(id.site, sizeof id.site, "%s", "H");
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	snprintf(id.site, sizeof id.site, "%s", "../");
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	id.type = QF_NTYPES;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);
	id = ok;
	id.type = (enum qf_type)-1;
	assert_int_equal(qf_id_format(&id, buf, sizeof buf), -1);

	/* A buffer too small for the ID. */
	assert_int_equal(qf_id_format(&ok, buf, 16), -1);
	assert_int_equal(qf_id_format(&ok, buf, 17), 0);
	assert_string_equal(buf, "D-HY-202305-0007");
}

/* ---- file key, types, sites ---------------------------------------- */

static void test_file_key(void **state)
{
	static const struct {
		const char *id, *key;
	} cases[] = {
		{ "F-HY-0012", "HY" },
		{ "P-SZ2024-0003", "SZ2024" },
		{ "V-HY-202305-0012", "2023-05" },
		{ "D-HY-202312-0007", "2023-12" },
		{ "D-ABCDEFGH-190001-0001", "1900-01" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct qf_id id;
		char buf[16];
		assert_int_equal(qf_id_parse(cases[i].id, &id), 0);
		assert_ptr_equal(qf_id_file_key(&id, buf, sizeof buf), buf);
		assert_string_equal(buf, cases[i].key);
	}
}

static void test_types(void **state)
{
	static const struct {
		enum qf_type t;
		const char *name, *dir;
		char letter;
	} want[] = {
		{ QF_FIRM, "firm", "firms", 'F' },
		{ QF_POLICY, "policy", "policies", 'P' },
		{ QF_VISIT, "visit", "visits", 'V' },
		{ QF_DEMAND, "demand", "demands", 'D' },
		{ QF_APPLICATION, "application", "applications", 'A' },
		{ QF_EVENT, "event", "events", 'E' },
	};

	(void)state;
	assert_int_equal(sizeof want / sizeof want[0], QF_NTYPES);
	for (size_t i = 0; i < QF_NTYPES; i++) {
		assert_string_equal(qf_type_name(want[i].t), want[i].name);
		assert_string_equal(qf_type_dir(want[i].t), want[i].dir);
		assert_int_equal(qf_type_letter(want[i].t), want[i].letter);
		assert_int_equal(qf_type_from_name(want[i].name), want[i].t);
	}
	assert_int_equal(qf_type_from_name("Firm"), -1);
	assert_int_equal(qf_type_from_name("firms"), -1);
	assert_int_equal(qf_type_from_name("F"), -1);
	assert_int_equal(qf_type_from_name(""), -1);
	assert_int_equal(qf_type_from_name("record"), -1);
}

static void test_site_valid(void **state)
{
	static const char *const good[] = {
		"HY", "H1", "Z9", "ABCDEFGH", "SZ2024", "A0000000",
	};
	static const char *const bad[] = {
		"", "H", "hy", "Hy", "1H", "ABCDEFGHI", "H-Y", "H Y", "H_Y",
		"..", "H/", "HY ", " HY", "中文", "ＨＹ",
	};

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (qf_site_valid(good[i]) != 1)
			fail_msg("qf_site_valid(\"%s\") != 1", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (qf_site_valid(bad[i]) != 0)
			fail_msg("qf_site_valid(\"%s\") != 0", bad[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_each_type),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_format_pads),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_format_rejects),
		cmocka_unit_test(test_file_key),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_site_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
