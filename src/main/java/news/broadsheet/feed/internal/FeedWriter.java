package news.broadsheet.feed.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import news.broadsheet.feed.internal.FeedDocument.Category;
import news.broadsheet.feed.internal.FeedDocument.Entry;
import news.broadsheet.feed.internal.FeedDocument.Person;
import news.broadsheet.shared.FeedLinks.Format;
import news.broadsheet.shared.SiteSettings;
import news.broadsheet.shared.XmlText;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link FeedDocument} as RSS 2.0 or Atom 1.0 (with Rome) or JSON Feed 1.1 (with Jackson),
 * in UTF-8. Text goes through {@link XmlText#clean} first: characters XML cannot carry would make
 * the whole feed unreadable.
 */
@Component
public class FeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final String GENERATOR = "Broadsheet";

    private final JsonMapper json = JsonMapper.builder().build();
    private final SiteSettings site;

    FeedWriter(SiteSettings site) {
        this.site = site;
    }

    public byte[] write(FeedDocument feed, Format format) {
        return switch (format) {
            case RSS -> xml(rss(feed));
            case ATOM -> xml(atom(feed));
            case JSON -> json.writeValueAsBytes(jsonFeed(feed));
        };
    }

    private byte[] xml(WireFeed feed) {
        feed.setEncoding("UTF-8");
        try {
            // Raw format: Rome's own output would collapse whitespace, in <pre> blocks too.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
            org.jdom2.Document document = new WireFeedOutput().outputJDom(feed);
            if (feed instanceof Feed) {
                // Rome leaves out the Atom feed's language; xml:lang carries it.
                document.getRootElement().setAttribute("lang", site.language(), Namespace.XML_NAMESPACE);
            }
            new XMLOutputter(org.jdom2.output.Format.getRawFormat().setEncoding("UTF-8")).output(document, bytes);
            return bytes.toByteArray();
        } catch (FeedException | IOException e) {
            throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", e);
        }
    }

    private Channel rss(FeedDocument feed) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(clean(feed.title()));
        channel.setLink(feed.homeUrl());
        channel.setDescription(clean(feed.description()));
        channel.setLanguage(site.language());
        channel.setGenerator(GENERATOR);
        channel.setPubDate(date(feed.updated()));
        channel.setLastBuildDate(date(feed.updated()));
        Element self = new Element("link", ATOM);
        self.setAttribute("href", selfUrl(feed, Format.RSS));
        self.setAttribute("rel", "self");
        self.setAttribute("type", Format.RSS.mediaType());
        channel.setForeignMarkup(new ArrayList<>(List.of(self)));
        List<Item> items = new ArrayList<>();
        for (Entry entry : feed.entries()) {
            Item item = new Item();
            item.setTitle(clean(entry.title()));
            item.setLink(entry.url());
            Guid guid = new Guid();
            guid.setPermaLink(false);
            guid.setValue(entry.id());
            item.setGuid(guid);
            item.setPubDate(date(entry.published()));
            Description description = new Description();
            description.setType("text/html");
            // Readers treat the description as HTML: escape the plain-text summary so it shows as written.
            description.setValue(HtmlUtils.htmlEscape(clean(entry.summary())));
            item.setDescription(description);
            if (entry.contentHtml() != null) {
                com.rometools.rome.feed.rss.Content content = new com.rometools.rome.feed.rss.Content();
                content.setType(com.rometools.rome.feed.rss.Content.HTML);
                content.setValue(clean(entry.contentHtml()));
                item.setContent(content);
            }
            List<com.rometools.rome.feed.rss.Category> categories = new ArrayList<>();
            for (Category category : entry.categories()) {
                com.rometools.rome.feed.rss.Category rssCategory = new com.rometools.rome.feed.rss.Category();
                rssCategory.setDomain(category.scheme());
                rssCategory.setValue(clean(category.label()));
                categories.add(rssCategory);
            }
            item.setCategories(categories);
            if (entry.image() != null) {
                Enclosure enclosure = new Enclosure();
                enclosure.setUrl(entry.image().url());
                enclosure.setType(entry.image().mediaType());
                // RSS requires a length; 0 is the accepted value when it is not known.
                enclosure.setLength(0);
                item.setEnclosures(List.of(enclosure));
            }
            DCModuleImpl dublinCore = new DCModuleImpl();
            dublinCore.setCreators(
                    entry.authors().stream().map(p -> clean(p.name())).toList());
            List<Module> modules = new ArrayList<>();
            modules.add(dublinCore);
            item.setModules(modules);
            items.add(item);
        }
        channel.setItems(items);
        return channel;
    }

    private Feed atom(FeedDocument feed) {
        Feed atom = new Feed("atom_1.0");
        String self = selfUrl(feed, Format.ATOM);
        atom.setId(self);
        atom.setTitle(clean(feed.title()));
        atom.setSubtitle(text(feed.description()));
        atom.setLanguage(site.language());
        atom.setUpdated(date(feed.updated()));
        atom.setAlternateLinks(new ArrayList<>(List.of(link("alternate", feed.homeUrl(), "text/html"))));
        atom.setOtherLinks(new ArrayList<>(List.of(link("self", self, Format.ATOM.mediaType()))));
        // A feed-level author makes every entry valid even where a byline is missing.
        atom.setAuthors(new ArrayList<>(List.of(person(new Person(feed.title(), feed.homeUrl())))));
        com.rometools.rome.feed.atom.Generator generator = new com.rometools.rome.feed.atom.Generator();
        generator.setValue(GENERATOR);
        atom.setGenerator(generator);
        List<com.rometools.rome.feed.atom.Entry> entries = new ArrayList<>();
        for (Entry entry : feed.entries()) {
            com.rometools.rome.feed.atom.Entry atomEntry = new com.rometools.rome.feed.atom.Entry();
            atomEntry.setId(entry.id());
            atomEntry.setTitle(clean(entry.title()));
            atomEntry.setPublished(date(entry.published()));
            atomEntry.setUpdated(date(entry.updated()));
            List<Link> alternate = new ArrayList<>();
            alternate.add(link("alternate", entry.url(), "text/html"));
            atomEntry.setAlternateLinks(alternate);
            if (entry.image() != null) {
                Link enclosure =
                        link("enclosure", entry.image().url(), entry.image().mediaType());
                enclosure.setTitle(clean(entry.image().alt()));
                atomEntry.setOtherLinks(new ArrayList<>(List.of(enclosure)));
            }
            atomEntry.setAuthors(new ArrayList<>(
                    entry.authors().stream().map(FeedWriter::person).toList()));
            List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
            for (Category category : entry.categories()) {
                com.rometools.rome.feed.atom.Category atomCategory = new com.rometools.rome.feed.atom.Category();
                atomCategory.setTerm(clean(category.term()));
                atomCategory.setLabel(clean(category.label()));
                atomCategory.setScheme(category.scheme());
                categories.add(atomCategory);
            }
            atomEntry.setCategories(categories);
            atomEntry.setSummary(text(entry.summary()));
            if (entry.contentHtml() != null) {
                Content content = new Content();
                content.setType(Content.HTML);
                content.setValue(clean(entry.contentHtml()));
                atomEntry.setContents(new ArrayList<>(List.of(content)));
            }
            entries.add(atomEntry);
        }
        atom.setEntries(entries);
        return atom;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(clean(value));
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(Person person) {
        com.rometools.rome.feed.atom.Person atomPerson = new com.rometools.rome.feed.atom.Person();
        atomPerson.setName(clean(person.name()));
        if (person.url() != null) {
            atomPerson.setUri(person.url());
        }
        return atomPerson;
    }

    private JsonFeed jsonFeed(FeedDocument feed) {
        List<JsonFeed.Item> items = feed.entries().stream()
                .map(entry -> new JsonFeed.Item(
                        entry.id(),
                        entry.url(),
                        entry.title(),
                        entry.contentHtml(),
                        entry.contentHtml() == null ? entry.summary() : null,
                        entry.summary(),
                        entry.image() == null ? null : entry.image().url(),
                        rfc3339(entry.published()),
                        rfc3339(entry.updated()),
                        entry.authors().stream()
                                .map(p -> new JsonFeed.Author(p.name(), p.url()))
                                .toList(),
                        entry.categories().stream().map(Category::label).toList()))
                .toList();
        return new JsonFeed(
                JsonFeed.VERSION,
                feed.title(),
                feed.description(),
                feed.homeUrl(),
                selfUrl(feed, Format.JSON),
                site.language(),
                items);
    }

    private static String selfUrl(FeedDocument feed, Format format) {
        return feed.selfBase() + "." + format.extension();
    }

    private static String clean(String text) {
        return XmlText.clean(text);
    }

    private static Date date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): our own records, never internal types. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(
            String version,
            String title,
            String description,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            String language,
            List<Item> items) {

        static final String VERSION = "https://jsonfeed.org/version/1.1";

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Item(
                String id,
                String url,
                String title,
                @JsonProperty("content_html") @Nullable String contentHtml,
                @JsonProperty("content_text") @Nullable String contentText,
                String summary,
                @Nullable String image,
                @JsonProperty("date_published") String datePublished,
                @JsonProperty("date_modified") String dateModified,
                List<Author> authors,
                List<String> tags) {}

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Author(String name, @Nullable String url) {}
    }
}
