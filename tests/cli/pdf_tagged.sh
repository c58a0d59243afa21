# Bundled editions as tagged PDFs (the rest in pdf_tagged_more.sh, to keep
# each test short): the structure tree holds the model, in its order.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/tagged.sh"
cd "$T"
tagged_structure moscow-trials-analyzed liquidation repudiating-stalinist-legacy
