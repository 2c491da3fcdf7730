package io.shmlab.readme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every image the README names is in the repository, at the path it names. */
class ReadmeImagesTest {
    private static final Pattern MARKDOWN_IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)");
    private static final Pattern HTML_IMAGE = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"");

    @Test
    void everyImageTheReadmeNamesExists() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String readme = Files.readString(root.resolve("README.md"));
        List<String> images = new ArrayList<>();
        for (Pattern p : new Pattern[] {MARKDOWN_IMAGE, HTML_IMAGE}) {
            Matcher m = p.matcher(readme);
            while (m.find()) {
                images.add(m.group(1));
            }
        }
        assertFalse(images.isEmpty(), "the README shows the schedule page's views");
        for (String image : images) {
            Path file = root.resolve(image);
            assertTrue(Files.isRegularFile(file) && Files.size(file) > 1000, "the README names " + image + ", which is not there");
        }
    }
}
