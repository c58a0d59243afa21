# Bundled editions as tagged PDFs (the others in pdf_tagged.sh): the
# structure tree holds the model, in its order; and no bundled edition is
# left out of the two tests.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/tagged.sh"
cd "$T"
tagged_structure anthology united-front
for ed in "$SOURCE_DIR"/editions/*.yaml; do
    name=$(basename "$ed" .yaml)
    grep -qw -- "$name" "$(dirname "$0")/pdf_tagged.sh" "$0" ||
        fail "editions/$name.yaml is checked by neither pdf_tagged.sh nor pdf_tagged_more.sh"
done
