package catalog;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.usertype.UserType;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A map stored as a PostgreSQL JSON document, reported to JDBC as {@code Types.OTHER} the way JSON user types
 * libraries do: the column type comes from the mapping's columnDefinition.
 */
public class JsonMapType implements UserType<Map<String, Object>> {
    @Override
    public int getSqlType() {
        return Types.OTHER;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Map<String, Object>> returnedClass() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    @Override
    public boolean equals(Map<String, Object> x, Map<String, Object> y) {
        return Objects.equals(x, y);
    }

    @Override
    public int hashCode(Map<String, Object> x) {
        return Objects.hashCode(x);
    }

    @Override
    public Map<String, Object> nullSafeGet(ResultSet rs, int position, SharedSessionContractImplementor session, Object owner)
            throws SQLException {
        String json = rs.getString(position);
        return json == null ? null : new LinkedHashMap<>();
    }

    @Override
    public void nullSafeSet(PreparedStatement st, Map<String, Object> value, int index, SharedSessionContractImplementor session)
            throws SQLException {
        st.setObject(index, value == null ? null : value.toString(), Types.OTHER);
    }

    @Override
    public Map<String, Object> deepCopy(Map<String, Object> value) {
        return value == null ? null : new LinkedHashMap<>(value);
    }

    @Override
    public boolean isMutable() {
        return true;
    }

    @Override
    public Serializable disassemble(Map<String, Object> value) {
        return (Serializable) deepCopy(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> assemble(Serializable cached, Object owner) {
        return deepCopy((Map<String, Object>) cached);
    }
}
