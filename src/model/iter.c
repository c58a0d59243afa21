/* Depth-first walk of a subtree with enter and exit events, after cmark's
 * iterator: writers walk the tree in a loop instead of recursing. */
#include "imprint/model.h"

bool imprint_node_kind_is_leaf(imprint_node_kind kind)
{
    return kind == IMPRINT_NODE_TEXT || kind == IMPRINT_NODE_NOTEREF ||
           kind == IMPRINT_NODE_LINEBREAK || kind == IMPRINT_NODE_BREAK;
}

void imprint_iter_init(imprint_iter *it, const imprint_node *root)
{
    it->root = root;
    it->node = NULL;
    it->event = root ? IMPRINT_EVENT_NONE : IMPRINT_EVENT_DONE;
}

imprint_event imprint_iter_next(imprint_iter *it)
{
    const imprint_node *n = it->node;
    switch (it->event) {
    case IMPRINT_EVENT_DONE:
        return IMPRINT_EVENT_DONE;
    case IMPRINT_EVENT_NONE:
        it->node = it->root;
        it->event = IMPRINT_EVENT_ENTER;
        return it->event;
    case IMPRINT_EVENT_ENTER:
        if (!imprint_node_kind_is_leaf(n->kind)) {
            if (n->first_child) {
                it->node = n->first_child;
                it->event = IMPRINT_EVENT_ENTER;
            } else {
                it->event = IMPRINT_EVENT_EXIT;
            }
            return it->event;
        }
        break; /* a leaf has no exit: go on to what follows it */
    case IMPRINT_EVENT_EXIT:
        break;
    }
    if (n == it->root) {
        it->event = IMPRINT_EVENT_DONE;
        return it->event;
    }
    if (n->next) {
        it->node = n->next;
        it->event = IMPRINT_EVENT_ENTER;
    } else {
        it->node = n->parent;
        it->event = IMPRINT_EVENT_EXIT;
    }
    return it->event;
}
