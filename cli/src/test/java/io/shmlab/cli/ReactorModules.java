package io.shmlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The modules of the repository's Maven reactor, read from the poms, and which ones a module is built from. */
final class ReactorModules {
    /** A module's folder by its artifactId, and the artifactIds each one depends on. */
    private final Map<String, String> folderByArtifact = new LinkedHashMap<>();
    private final Map<String, List<String>> dependenciesByArtifact = new LinkedHashMap<>();

    private ReactorModules() {
    }

    static ReactorModules read() throws Exception {
        ReactorModules reactor = new ReactorModules();
        for (String folder : texts(pom(Checkout.file("pom.xml")).getDocumentElement(), "modules", "module")) {
            Element project = pom(Checkout.file(folder).resolve("pom.xml")).getDocumentElement();
            String artifact = texts(project, "artifactId").get(0);
            reactor.folderByArtifact.put(artifact, folder);
            reactor.dependenciesByArtifact.put(artifact, texts(project, "dependencies", "dependency", "artifactId"));
        }
        return reactor;
    }

    /** The folders of a module and of every module of the reactor it depends on, directly or not. */
    SortedSet<String> builtFrom(String folder) {
        SortedSet<String> folders = new TreeSet<>();
        folderByArtifact.forEach((artifact, f) -> {
            if (f.equals(folder)) {
                collect(artifact, folders);
            }
        });
        return folders;
    }

    private void collect(String artifact, SortedSet<String> folders) {
        String folder = folderByArtifact.get(artifact);
        if (folder != null && folders.add(folder)) {
            dependenciesByArtifact.get(artifact).forEach(d -> collect(d, folders));
        }
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The texts of the elements found by following the path of element names down from {@code top}. */
    private static List<String> texts(Element top, String... path) {
        List<Element> level = List.of(top);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(e -> e.getTextContent().trim()).toList();
    }
}
