package news.broadsheet.demo.web;

import java.util.List;
import news.broadsheet.demo.DemoNewsroomRemoval.DemoInventory;
import news.broadsheet.shared.DisplayTime;
import org.jspecify.annotations.Nullable;

/**
 * The demo newsroom's admin page: what removing it would remove and keep, or when it was removed.
 *
 * @param removedAt when it was removed, or null while it is here
 * @param notice a message after the removal, or null
 */
public record DemoAdminPage(
        boolean present,
        @Nullable DisplayTime removedAt,
        @Nullable String removedBy,
        @Nullable String removalSummary,
        List<String> stories,
        int comments,
        List<DemoInventory.Item> sections,
        List<DemoInventory.Item> authors,
        int tags,
        List<DemoInventory.Item> pages,
        String removeUrl,
        @Nullable String notice) {}
