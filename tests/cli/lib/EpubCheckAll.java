// Runs epubcheck on every EPUB named on the command line in one JVM (its
// start costs seconds), as `java -jar epubcheck.jar FILE` would one at a
// time: each file's report goes to the output after a "== FILE" line, and
// the exit status is 1 when any file has a message of any kind.
//
//   java -cp /usr/share/java/epubcheck.jar EpubCheckAll.java A.epub B.epub
public class EpubCheckAll {
    public static void main(String[] args) {
        int failed = 0;
        for (String path : args) {
            System.out.println("== " + path);
            System.out.flush();
            if (new com.adobe.epubcheck.tool.EpubChecker().run(new String[] {path}) != 0)
                failed++;
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
