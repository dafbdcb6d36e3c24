package cm.vigie.commons.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code ?page=&size=&sort=field,asc} for list operations; use as a {@code @BeanParam}. */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100_000)
    @Parameter(description = "Zero-based page number", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, at most 100", example = "20")
    public int size;

    @QueryParam("sort")
    @Pattern(regexp = "[A-Za-z]{1,40}(,(asc|desc|ASC|DESC))?")
    @Parameter(description = "Sort as field,asc or field,desc", example = "createdAt,desc")
    public String sort;

    public PageRequest() {
    }

    public PageRequest(int page, int size, String sort) {
        this.page = page;
        this.size = size;
        this.sort = sort;
    }

    public int offset() {
        return page * size;
    }
}
