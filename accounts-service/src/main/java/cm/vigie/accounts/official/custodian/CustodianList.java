package cm.vigie.accounts.official.custodian;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustodianList", description = "Every custodian of an official account; a non-empty list names at least one OWNER and each user once")
public record CustodianList(
        @NotNull @Size(max = CustodianList.MAX) List<@Valid @NotNull CustodianEntry> custodians) {

    public static final int MAX = 50;
}
