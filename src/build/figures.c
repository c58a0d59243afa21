/* Figure images resolved to bytes before any writer runs. */
#include "imprint/build.h"

#include <glib.h>
#include <string.h>

#include "build/image.h"

static void resolve_one(imprint_doc *doc, imprint_node *fig, imprint_diags *diags)
{
    const imprint_node *article = imprint_node_article(fig);
    if (!fig->as.figure.src || !article || !article->as.article.source_file)
        return;
    char *dir = g_path_get_dirname(article->as.article.source_file);
    char *path = g_build_filename(dir, fig->as.figure.src, NULL);
    g_free(dir);
    guint8 *data = NULL;
    size_t len = 0;
    const char *type = NULL;
    char *error = NULL;
    switch (build_image_read(path, &data, &len, &type, &error)) {
    case BUILD_IMAGE_OK:
        fig->as.figure.image.data =
            (const unsigned char *)imprint_arena_strndup(doc->arena, (const char *)data, len);
        fig->as.figure.image.size = len;
        fig->as.figure.image.media_type = type;
        break;
    case BUILD_IMAGE_MISSING:
        break; /* the reader reported it with the placeholder */
    case BUILD_IMAGE_UNREADABLE:
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, fig->pos,
                             "cannot read image %s: %s; a placeholder stands for it", path, error);
        break;
    case BUILD_IMAGE_TOO_LARGE:
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, fig->pos,
                             "image %s is larger than %u MB: a placeholder stands for it", path,
                             IMPRINT_BUILD_MAX_IMAGE_BYTES / (1024 * 1024));
        break;
    case BUILD_IMAGE_NOT_IMAGE:
        imprint_diags_report(diags, IMPRINT_SEV_WARNING, fig->pos,
                             "%s is not a PNG or JPEG image: a placeholder stands for it", path);
        break;
    }
    g_free(data);
    g_free(error);
    g_free(path);
}

static void resolve_subtree(imprint_doc *doc, const imprint_node *root, imprint_diags *diags)
{
    imprint_iter it;
    imprint_iter_init(&it, root);
    while (imprint_iter_next(&it) != IMPRINT_EVENT_DONE)
        if (it.event == IMPRINT_EVENT_ENTER && it.node->kind == IMPRINT_NODE_FIGURE)
            resolve_one(doc, (imprint_node *)it.node, diags);
}

void imprint_build_figures(imprint_doc *doc, imprint_diags *diags)
{
    for (const imprint_node *a = doc->root->first_child; a; a = a->next) {
        resolve_subtree(doc, a, diags);
        for (const imprint_node *n = a->as.article.first_note; n; n = n->as.note.next_note)
            resolve_subtree(doc, n, diags);
    }
}
