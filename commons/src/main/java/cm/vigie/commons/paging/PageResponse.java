package cm.vigie.commons.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: {@code {items, page, size, total, totalExact}}. Lists that grow without bound count only up to
 * a limit; there {@code totalExact} is false and {@code total} is a lower bound.
 */
public record PageResponse<T>(
        List<T> items,
        int page,
        int size,
        @Schema(description = "Number of matching items; a lower bound when totalExact is false") long total,
        @Schema(description = "false when the list counted only up to its limit and more items match") boolean totalExact) {

    /** A page whose total is the exact count. */
    public PageResponse(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
    }
}
