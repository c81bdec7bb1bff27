package org.rxledger.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The user guide shipped in the app (issue 19): one small markdown page per area plus the keyboard shortcuts, read
 * from the app's resources ({@code org/rxledger/app/help/}). Plain files, so the guide is edited like the docs.
 */
public final class HelpPages {

    /** One page: its file name, its title (the first heading) and its markdown text. */
    public record Page(String name, String title, String text) {
        @Override
        public String toString() {
            return title;
        }
    }

    public static final String SHORTCUTS = "shortcuts";
    public static final String WHATS_NEW = "whats-new";

    private final List<Page> pages;

    private HelpPages(List<Page> pages) {
        this.pages = List.copyOf(pages);
    }

    /** Every area's page in the navigation's order, then the shortcuts. */
    public static HelpPages load() {
        List<Page> pages = new ArrayList<>();
        for (Area a : Area.values()) {
            pages.add(read(pageName(a)));
        }
        pages.add(read(SHORTCUTS));
        whatsNew().ifPresent(pages::add);
        return new HelpPages(pages);
    }

    /** The top section of the changelog the build copied in ("## Unreleased" or the latest release), if any. */
    static java.util.Optional<Page> whatsNew() {
        try (InputStream in = HelpPages.class.getResourceAsStream("/org/rxledger/app/help/CHANGELOG.md")) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Page(WHATS_NEW, "What's new",
                    latestSection(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the first "## " heading to the next one, as a page titled "What's new — heading". */
    static String latestSection(String changelog) {
        List<String> lines = changelog.lines().toList();
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                if (in) {
                    break;
                }
                in = true;
                out.append("# What's new — ").append(line.substring(3).strip()).append('\n');
            } else if (in) {
                out.append(line.startsWith("### ") ? "## " + line.substring(4) : line).append('\n');
            }
        }
        return out.toString();
    }

    /** "patient-accounts" for PATIENT_ACCOUNTS. */
    static String pageName(Area area) {
        return area.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Page read(String name) {
        String resource = "/org/rxledger/app/help/" + name + ".md";
        try (InputStream in = HelpPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The help page " + resource + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String title = text.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).findFirst()
                    .orElse(name);
            return new Page(name, title, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Page> all() {
        return pages;
    }

    public Page forArea(Area area) {
        return page(pageName(area));
    }

    public boolean has(String name) {
        return pages.stream().anyMatch(p -> p.name().equals(name));
    }

    public Page page(String name) {
        return pages.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The pages that contain every word of {@code query} (any case); all pages for a blank query. */
    public List<Page> search(String query) {
        List<String> words = Arrays.stream((query == null ? "" : query).toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isBlank()).toList();
        return pages.stream().filter(p -> {
            String text = p.text().toLowerCase(Locale.ROOT);
            return words.stream().allMatch(text::contains);
        }).toList();
    }
}
