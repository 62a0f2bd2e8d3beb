package catalog;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.type.SqlTypes;
import org.hibernate.usertype.UserType;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A list of labels stored as a JSON array, a type Hibernate knows the column of. */
public class JsonListType implements UserType<List<String>> {
    @Override
    public int getSqlType() {
        return SqlTypes.JSON;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<List<String>> returnedClass() {
        return (Class<List<String>>) (Class<?>) List.class;
    }

    @Override
    public boolean equals(List<String> x, List<String> y) {
        return Objects.equals(x, y);
    }

    @Override
    public int hashCode(List<String> x) {
        return Objects.hashCode(x);
    }

    @Override
    public List<String> nullSafeGet(ResultSet rs, int position, SharedSessionContractImplementor session, Object owner)
            throws SQLException {
        String joined = rs.getString(position);
        return joined == null ? null : new ArrayList<>(Arrays.asList(joined.split(",")));
    }

    @Override
    public void nullSafeSet(PreparedStatement st, List<String> value, int index, SharedSessionContractImplementor session)
            throws SQLException {
        st.setString(index, value == null ? null : String.join(",", value));
    }

    @Override
    public List<String> deepCopy(List<String> value) {
        return value == null ? null : new ArrayList<>(value);
    }

    @Override
    public boolean isMutable() {
        return true;
    }

    @Override
    public Serializable disassemble(List<String> value) {
        return (Serializable) deepCopy(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> assemble(Serializable cached, Object owner) {
        return deepCopy((List<String>) cached);
    }
}
