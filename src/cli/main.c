/* The command line: parses options and calls the library. Exit status 0 on
 * success, 1 when the input has errors, 2 on a usage error. */
#include <glib.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "imprint/build.h"
#include "imprint/compare.h"
#include "imprint/edition.h"
#include "imprint/format.h"
#include "imprint/reader.h"
#include "imprint/writer.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "Usage:\n"
    "  imprint build EDITION.yaml... [-o DIR] [-f epub,pdf,tei] [-j N] [--depfile FILE]\n"
    "                [--manifest FILE] [-q]\n"
    "  imprint inspect SOURCE...|EDITION.yaml [--dialect D] [--as tei|outline]\n"
    "  imprint lint EDITION.yaml|SOURCE... [--dialect D]\n"
    "  imprint diff A B [--dialect D]    (A, B: SOURCE or SOURCE:LINE of an article)\n"
    "  imprint --help | --version | --list-formats\n"
    "\n"
    "Commands:\n"
    "  build    write each edition as OUT/NAME.epub, NAME.pdf and NAME.xml (TEI)\n"
    "  inspect  read sources (or an edition) and print them as TEI or as an outline\n"
    "  lint     read editions or sources and print every message\n"
    "  diff     list the word-level differences of two texts (two copies of an article)\n"
    "\n"
    "Run 'imprint COMMAND --help' for a command's options.\n"
    "Exit status: 0 success, 1 the input has errors, 2 usage error.\n"
    "imprint diff exits as diff(1): 0 the same words, 1 they differ, 2 trouble.\n";

static int usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "imprint: error: %s\n", msg);
    if (command)
        fprintf(stderr, "Try 'imprint %s --help'.\n", command);
    else
        fprintf(stderr, "Try 'imprint --help'.\n");
    g_free(msg);
    return EXIT_USAGE;
}

/* GOption wants "-j 2"; make and compilers taught users "-j2" and "-oDIR".
 * Splits such words for the short options that take a value. The result is
 * a copy (g_strfreev it), with the number of words in *argc. */
static char **split_attached(int *argc, char **argv, const char *value_opts)
{
    GPtrArray *out = g_ptr_array_new();
    bool options_done = false;
    for (int i = 0; i < *argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            options_done = true;
        if (!options_done && i > 0 && a[0] == '-' && a[1] && a[1] != '-' && a[2] &&
            strchr(value_opts, a[1])) {
            g_ptr_array_add(out, g_strndup(a, 2));
            g_ptr_array_add(out, g_strdup(a + 2));
        } else {
            g_ptr_array_add(out, g_strdup(a));
        }
    }
    *argc = (int)out->len;
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

/* Parses a subcommand's options from a copy of its words (split_attached()),
 * which GOption leaves holding the command and the operands. Returns the
 * copy (g_strfreev it), or NULL after reporting a usage error. */
static char **parse_options(const char *command, const char *params, const char *summary,
                            GOptionEntry *entries, const char *value_opts, int argc, char **argv)
{
    char **words = split_attached(&argc, argv, value_opts);
    /* Help then reads "imprint build [OPTION…] EDITION.yaml...". */
    char *prgname = g_strdup_printf("imprint %s", command);
    g_set_prgname(prgname);
    g_free(prgname);
    GOptionContext *ctx = g_option_context_new(params);
    g_option_context_set_summary(ctx, summary);
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *error = NULL;
    if (!g_option_context_parse_strv(ctx, &words, &error)) {
        usage_error(command, "%s", error->message);
        g_error_free(error);
        g_strfreev(words);
        words = NULL;
    }
    g_option_context_free(ctx);
    return words;
}

static bool parse_dialect(const char *command, const char *name, imprint_dialect *out)
{
    if (!name) {
        *out = IMPRINT_DIALECT_AUTO;
        return true;
    }
    if (imprint_dialect_parse(name, out))
        return true;
    usage_error(command, "unknown dialect '%s' (use auto, text, pdf-markdown, markdown or tei)",
                name);
    return false;
}

static bool is_edition_path(const char *path)
{
    return g_str_has_suffix(path, ".yaml") || g_str_has_suffix(path, ".yml");
}

static int cmd_build(int argc, char **argv)
{
    char *outdir = NULL, *depfile = NULL, *manifest = NULL;
    char **format_args = NULL;
    int jobs = 1;
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &outdir, "Write into DIR (default: out)", "DIR"},
        {"format", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &format_args,
         "Formats to write, comma-separated (default: epub,pdf,tei)", "LIST"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Build N editions at once; one edition reads its sources and lays out its PDF on N threads (default: 1)", "N"},
        {"depfile", 0, 0, G_OPTION_ARG_FILENAME, &depfile, "Write a Make-style dependency file",
         "FILE"},
        {"manifest", 0, 0, G_OPTION_ARG_FILENAME, &manifest,
         "Write each output's SHA-256, size and name, sorted", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print errors only", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    int status = EXIT_USAGE;
    char **words = NULL;
    const imprint_format **formats = NULL;
    imprint_diags *diags = NULL;
    words = parse_options("build", "EDITION.yaml...", "Build editions into EPUB, PDF and TEI.",
                          entries, "ofj", argc, argv);
    if (!words)
        goto cleanup;
    argc = (int)g_strv_length(words);
    argv = words;
    if (argc < 2) {
        usage_error("build", "no edition file given");
        goto cleanup;
    }
    if (jobs < 1) {
        usage_error("build", "-j needs a number of at least 1, not %d", jobs);
        goto cleanup;
    }
    for (int i = 1; i < argc; i++) {
        if (!is_edition_path(argv[i])) {
            usage_error("build",
                        "'%s' is not an edition file (*.yaml); 'imprint inspect' reads sources",
                        argv[i]);
            goto cleanup;
        }
    }
    if (format_args) {
        char *joined = g_strjoinv(",", format_args);
        char *bad = NULL;
        formats = imprint_build_parse_formats(joined, &bad);
        g_free(joined);
        if (!formats) {
            usage_error("build", "unknown format '%s' (use epub, pdf or tei)", bad);
            g_free(bad);
            goto cleanup;
        }
    }
    diags = imprint_diags_new();
    imprint_build_opts opts = {
        .outdir = outdir,
        .formats = formats,
        .jobs = (unsigned)jobs,
        .depfile = depfile,
        .manifest = manifest,
        /* Progress only for a person watching: a terminal, without -q. */
        .progress = !quiet && isatty(fileno(stderr)) ? stderr : NULL,
    };
    bool ok = imprint_build_run((const char *const *)(argv + 1), (size_t)(argc - 1), &opts, diags);
    imprint_diags_print(diags, stderr, quiet);
    status = ok ? 0 : EXIT_INPUT;
cleanup:
    g_strfreev(words);
    imprint_diags_free(diags);
    g_free(formats);
    g_free(outdir);
    g_free(depfile);
    g_free(manifest);
    g_strfreev(format_args);
    return status;
}

static bool check_doc(const imprint_doc *doc, const char *where, imprint_diags *diags)
{
    GString *problems = g_string_new(NULL);
    bool ok = imprint_doc_check(doc, problems);
    if (!ok) {
        char **lines = g_strsplit(problems->str, "\n", -1);
        for (char **l = lines; *l; l++)
            if (**l)
                imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){where, 0, 0},
                                     "internal error: malformed document: %s", *l);
        g_strfreev(lines);
    }
    g_string_free(problems, TRUE);
    return ok;
}

static int cmd_inspect(int argc, char **argv)
{
    char *dialect_name = NULL, *as = NULL;
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        {"dialect", 0, 0, G_OPTION_ARG_STRING, &dialect_name,
         "Read as auto, text, pdf-markdown, markdown or tei (default: auto)", "D"},
        {"as", 0, 0, G_OPTION_ARG_STRING, &as, "Print tei or outline (default: tei)", "FORM"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print errors only", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    int status = EXIT_USAGE;
    char **words = NULL;
    imprint_diags *diags = NULL;
    imprint_doc *doc = NULL;
    imprint_edition *e = NULL;
    imprint_build_resolved *resolved = NULL;
    imprint_read_opts opts = {0};
    words = parse_options("inspect", "SOURCE...|EDITION.yaml",
                          "Read sources, or one edition, and print the document.", entries, "",
                          argc, argv);
    if (!words)
        goto cleanup;
    argc = (int)g_strv_length(words);
    argv = words;
    if (argc < 2) {
        usage_error("inspect", "no source file given");
        goto cleanup;
    }
    if (!parse_dialect("inspect", dialect_name, &opts.dialect))
        goto cleanup;
    bool outline = false;
    if (as && strcmp(as, "outline") == 0) {
        outline = true;
    } else if (as && strcmp(as, "tei") != 0) {
        usage_error("inspect", "unknown --as '%s' (use tei or outline)", as);
        goto cleanup;
    }

    /* One edition file instead of sources: show the document it makes. */
    bool edition = argc == 2 && is_edition_path(argv[1]);
    for (int i = 1; i < argc && !edition; i++) {
        if (is_edition_path(argv[i])) {
            usage_error("inspect", "'%s' is an edition: give one edition file or sources only",
                        argv[i]);
            goto cleanup;
        }
    }
    if (edition && dialect_name) {
        usage_error("inspect", "--dialect applies to sources; an edition sets 'dialect' itself");
        goto cleanup;
    }
    diags = imprint_diags_new();
    bool ok = true;
    if (edition) {
        /* What a build would write: the edition resolved, defaults applied. */
        e = imprint_edition_load(argv[1], diags);
        doc = e ? imprint_edition_read(e, diags) : NULL;
        ok = doc != NULL;
    } else {
        doc = imprint_doc_new();
        for (int i = 1; i < argc; i++)
            if (imprint_read_file(doc, argv[i], &opts, diags) < 0)
                ok = false;
    }
    if (ok)
        ok = check_doc(doc, argv[1], diags);
    /* Sources read together: their copies of one text reported and named
     * as witnesses (an edition has done this by its `duplicates:`). */
    if (ok && !edition)
        imprint_compare_apply(doc, IMPRINT_DUPLICATES_WARN, NULL, diags);
    if (ok && edition)
        ok = (resolved = imprint_build_resolve(e, doc, NULL, diags)) != NULL;
    imprint_diags_print(diags, stderr, quiet);
    if (!ok) {
        status = EXIT_INPUT;
        goto cleanup;
    }
    const imprint_meta *meta = resolved ? &imprint_build_resolved_opts(resolved)->meta : &doc->meta;
    GString *out = g_string_new(NULL);
    if (outline) {
        imprint_write_outline(doc, out);
    } else if (!imprint_write_tei_string(doc, meta, out)) {
        fprintf(stderr, "imprint: error: cannot write TEI: libxml2's writer failed\n");
        g_string_free(out, TRUE);
        status = EXIT_INPUT;
        goto cleanup;
    }
    fwrite(out->str, 1, out->len, stdout);
    g_string_free(out, TRUE);
    status = fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_INPUT;
    if (status)
        fprintf(stderr, "imprint: error: cannot write to standard output\n");
cleanup:
    g_strfreev(words);
    imprint_build_resolved_free(resolved);
    imprint_doc_free(doc);
    imprint_edition_free(e);
    imprint_diags_free(diags);
    g_free(dialect_name);
    g_free(as);
    return status;
}

static void lint_edition(const char *path, imprint_diags *diags)
{
    imprint_edition *e = imprint_edition_load(path, diags);
    imprint_doc *doc = e ? imprint_edition_read(e, diags) : NULL;
    /* What a build would find wrong: the style, the cover, the figures. */
    if (doc && check_doc(doc, path, diags))
        imprint_build_resolved_free(imprint_build_resolve(e, doc, NULL, diags));
    imprint_doc_free(doc);
    imprint_edition_free(e);
}

/* Sources are read into one document, so that copies of one text in
 * several of them are found. */
static void lint_sources(char **paths, int n, const imprint_read_opts *opts, imprint_diags *diags)
{
    imprint_doc *doc = imprint_doc_new();
    bool ok = true;
    const char *first = NULL;
    for (int i = 0; i < n; i++) {
        if (is_edition_path(paths[i]))
            continue;
        first = first ? first : paths[i];
        if (imprint_read_file(doc, paths[i], opts, diags) < 0)
            ok = false;
    }
    if (first && check_doc(doc, first, diags) && ok)
        imprint_compare_apply(doc, IMPRINT_DUPLICATES_WARN, NULL, diags);
    imprint_doc_free(doc);
}

static int cmd_lint(int argc, char **argv)
{
    char *dialect_name = NULL;
    GOptionEntry entries[] = {
        {"dialect", 0, 0, G_OPTION_ARG_STRING, &dialect_name,
         "Read sources as auto, text, pdf-markdown, markdown or tei (default: auto)", "D"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    int status = EXIT_USAGE;
    char **words = NULL;
    imprint_read_opts opts = {0};
    words =
        parse_options("lint", "EDITION.yaml|SOURCE...",
                      "Read editions or sources and print every message.", entries, "", argc, argv);
    if (!words)
        goto cleanup;
    argc = (int)g_strv_length(words);
    argv = words;
    if (argc < 2) {
        usage_error("lint", "no edition or source file given");
        goto cleanup;
    }
    if (!parse_dialect("lint", dialect_name, &opts.dialect))
        goto cleanup;
    imprint_diags *diags = imprint_diags_new();
    for (int i = 1; i < argc; i++)
        if (is_edition_path(argv[i]))
            lint_edition(argv[i], diags);
    lint_sources(argv + 1, argc - 1, &opts, diags);
    imprint_diags_sort(diags);
    imprint_diags_print(diags, stdout, false);
    size_t errors = imprint_diags_count(diags, IMPRINT_SEV_ERROR);
    fprintf(stderr, "%zu error%s, %zu warning%s, %zu note%s\n", errors, errors == 1 ? "" : "s",
            imprint_diags_count(diags, IMPRINT_SEV_WARNING),
            imprint_diags_count(diags, IMPRINT_SEV_WARNING) == 1 ? "" : "s",
            imprint_diags_count(diags, IMPRINT_SEV_NOTE),
            imprint_diags_count(diags, IMPRINT_SEV_NOTE) == 1 ? "" : "s");
    status = errors ? EXIT_INPUT : 0;
    imprint_diags_free(diags);
cleanup:
    g_strfreev(words);
    g_free(dialect_name);
    return status;
}

/* A diff operand: FILE (all its articles) or FILE:LINE (the article that
 * holds that line), read into `doc`. NULL (reported) when it cannot be. */
static const imprint_node *diff_operand(imprint_doc *doc, const char *arg,
                                        const imprint_read_opts *opts, imprint_diags *diags)
{
    char *path = g_strdup(arg);
    guint64 line = 0;
    char *colon = strrchr(path, ':');
    if (!g_file_test(path, G_FILE_TEST_EXISTS) && colon &&
        g_ascii_string_to_unsigned(colon + 1, 10, 1, G_MAXUINT, &line, NULL))
        *colon = '\0';
    else
        line = 0;
    const imprint_node *found = NULL;
    if (imprint_read_file(doc, path, opts, diags) < 0)
        goto cleanup;
    if (!line) {
        found = doc->root;
        goto cleanup;
    }
    for (const imprint_node *a = doc->root->first_child; a; a = a->next) {
        unsigned start = a->as.article.source_line ? a->as.article.source_line : a->pos.line;
        if (start <= (unsigned)line)
            found = a;
    }
    if (!found)
        imprint_diags_report(diags, IMPRINT_SEV_ERROR, (imprint_pos){path, (unsigned)line, 0},
                             "no article at line %u of %s (the first starts at line %u)",
                             (unsigned)line, path,
                             doc->root->first_child ? doc->root->first_child->pos.line : 0);
cleanup:
    g_free(path);
    return found;
}

static int cmd_diff(int argc, char **argv)
{
    char *dialect_name = NULL;
    GOptionEntry entries[] = {
        {"dialect", 0, 0, G_OPTION_ARG_STRING, &dialect_name,
         "Read as auto, text, pdf-markdown, markdown or tei (default: auto)", "D"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    int status = EXIT_USAGE;
    imprint_read_opts opts = {0};
    imprint_doc *da = NULL, *db = NULL;
    imprint_diags *reading = NULL, *out = NULL;
    char **words = parse_options("diff", "A B",
                                 "List the word-level differences of two texts: two sources, or "
                                 "FILE:LINE of two articles.",
                                 entries, "", argc, argv);
    if (!words)
        goto cleanup;
    if (g_strv_length(words) != 3) {
        usage_error("diff", "give two texts to compare (SOURCE or SOURCE:LINE), not %u",
                    g_strv_length(words) - 1);
        goto cleanup;
    }
    if (!parse_dialect("diff", dialect_name, &opts.dialect))
        goto cleanup;
    /* From here on 2 is diff(1)'s "trouble" (a text that cannot be read). */
    reading = imprint_diags_new();
    out = imprint_diags_new();
    da = imprint_doc_new();
    db = imprint_doc_new();
    const imprint_node *a = diff_operand(da, words[1], &opts, reading);
    const imprint_node *b = diff_operand(db, words[2], &opts, reading);
    long n = a && b ? imprint_compare_diff(a, b, out) : -1;
    imprint_diags_print(reading, stderr, true);
    imprint_diags_print(out, stdout, false);
    if (n >= 0) {
        fprintf(stderr, "%ld difference%s\n", n, n == 1 ? "" : "s");
        status = n > 0 ? 1 : 0;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "imprint: error: cannot write to standard output\n");
        status = EXIT_USAGE;
    }
cleanup:
    g_strfreev(words);
    imprint_doc_free(da);
    imprint_doc_free(db);
    imprint_diags_free(reading);
    imprint_diags_free(out);
    g_free(dialect_name);
    return status;
}

static const char *const commands[] = {"build", "inspect", "lint", "diff", NULL};

int main(int argc, char **argv)
{
    /* Character handling only: numbers in output files must not follow the
     * user's locale. */
    setlocale(LC_CTYPE, "");
    g_set_prgname("imprint");
    if (argc < 2) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("imprint %s\n", IMPRINT_VERSION);
        return 0;
    }
    if (strcmp(cmd, "--list-formats") == 0) {
        for (const imprint_format *f = imprint_formats; f->name; f++)
            printf("%s %s\n", f->name, f->extension);
        return 0;
    }
    if (strcmp(cmd, "build") == 0)
        return cmd_build(argc - 1, argv + 1);
    if (strcmp(cmd, "inspect") == 0)
        return cmd_inspect(argc - 1, argv + 1);
    if (strcmp(cmd, "lint") == 0)
        return cmd_lint(argc - 1, argv + 1);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(argc - 1, argv + 1);
    if (cmd[0] == '-')
        return usage_error(NULL, "unknown option '%s'", cmd);
    for (const char *const *c = commands; *c; c++) {
        if (g_str_has_prefix(*c, cmd) || g_str_has_prefix(cmd, *c))
            return usage_error(NULL, "unknown command '%s' (did you mean '%s'?)", cmd, *c);
    }
    return usage_error(NULL, "unknown command '%s' (commands: build, inspect, lint, diff)", cmd);
}
