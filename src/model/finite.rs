//! One check over every number of an output: walks any `Serialize` value and
//! names the first top-level field holding a NaN or an infinity. The
//! evaluation is checked with it as a whole, so a new output can never be
//! left out of the check.

use std::fmt;

use serde::ser::{self, Serialize};

/// The top-level field of `value` that holds a number that is not finite,
/// if any.
pub fn first_non_finite<T: Serialize>(value: &T) -> Option<&'static str> {
    let mut walker = Walker { field: "output" };
    match value.serialize(&mut walker) {
        Ok(()) => None,
        Err(NonFinite(field)) => Some(field),
    }
}

#[derive(Debug)]
pub struct NonFinite(&'static str);

impl fmt::Display for NonFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not finite", self.0)
    }
}

impl std::error::Error for NonFinite {}

impl ser::Error for NonFinite {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        NonFinite("output")
    }
}

struct Walker {
    /// The top-level field being walked.
    field: &'static str,
}

type R = Result<(), NonFinite>;

impl Walker {
    fn number(&self, x: f64) -> R {
        if x.is_finite() {
            Ok(())
        } else {
            Err(NonFinite(self.field))
        }
    }
}

macro_rules! ok_scalars {
    ($($name:ident: $t:ty),*) => {
        $(fn $name(self, _v: $t) -> R { Ok(()) })*
    };
}

impl ser::Serializer for &mut Walker {
    type Ok = ();
    type Error = NonFinite;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    ok_scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char, serialize_str: &str, serialize_bytes: &[u8]);

    fn serialize_f32(self, v: f32) -> R {
        self.number(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> R {
        self.number(v)
    }
    fn serialize_none(self) -> R {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> R {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, NonFinite> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, NonFinite> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, NonFinite> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, NonFinite> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, NonFinite> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, NonFinite> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, NonFinite> {
        Ok(self)
    }
}

macro_rules! compound {
    ($($trait:ident: $method:ident),*) => {
        $(impl ser::$trait for &mut Walker {
            type Ok = ();
            type Error = NonFinite;
            fn $method<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                Ok(())
            }
        })*
    };
}

compound!(SerializeSeq: serialize_element, SerializeTuple: serialize_element,
    SerializeTupleStruct: serialize_field, SerializeTupleVariant: serialize_field);

impl ser::SerializeMap for &mut Walker {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, k: &T) -> R {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Walker {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> R {
        // Name the outermost field: nested structs keep it.
        if self.field == "output" {
            self.field = key;
            let r = v.serialize(&mut **self);
            self.field = "output";
            r
        } else {
            v.serialize(&mut **self)
        }
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Walker {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, _: &'static str, v: &T) -> R {
        v.serialize(&mut **self)
    }
    fn end(self) -> R {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Inner {
        a: f64,
        b: Option<f64>,
    }

    #[derive(serde::Serialize)]
    struct Outer {
        fine: f64,
        rows: Vec<Inner>,
    }

    #[test]
    fn names_the_top_level_field() {
        let ok = Outer {
            fine: 1.0,
            rows: vec![Inner { a: 1.0, b: None }],
        };
        assert_eq!(first_non_finite(&ok), None);
        let bad = Outer {
            fine: 1.0,
            rows: vec![Inner {
                a: 1.0,
                b: Some(f64::NAN),
            }],
        };
        assert_eq!(first_non_finite(&bad), Some("rows"));
        let inf = Outer {
            fine: f64::INFINITY,
            rows: vec![],
        };
        assert_eq!(first_non_finite(&inf), Some("fine"));
    }
}
